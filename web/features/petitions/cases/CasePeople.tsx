import { EyeOutlined } from '@ant-design/icons'
import { Alert, Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { usePetitionLabels } from '../labels'
import type { CaseDetail, Person } from '../types'

interface Props {
  detail: CaseDetail
  loading: boolean
  onShowFull: () => void
}

/** Petitioners as the server sends them: masked, unless the user asked to see them (audited). */
export function CasePeople({ detail: d, loading, onShowFull }: Props) {
  const { t } = useTranslation()
  const labels = usePetitionLabels()
  const dash = (v: string | null) => v || '—'
  const columns: TableColumnsType<Person> = [
    {
      title: t('petitions.person.role'),
      dataIndex: 'role',
      width: 80,
      render: (r: string) => labels.label('personRole', r),
    },
    { title: t('petitions.person.name'), dataIndex: 'name', width: 100 },
    {
      title: t('petitions.person.idNumber'),
      dataIndex: 'idNumber',
      width: 180,
      render: (v: string | null, p) => (
        <Space size={4}>
          {dash(v)}
          {p.idUntrusted && <Tag color="warning">{t('petitions.person.idUntrusted')}</Tag>}
        </Space>
      ),
    },
    { title: t('petitions.person.phone'), dataIndex: 'phone', width: 130, render: dash },
    { title: t('petitions.person.address'), dataIndex: 'address', render: dash },
  ]

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          {t('petitions.drawer.people')}
        </Typography.Title>
        {d.canSeePersonal && d.peopleMasked && !d.personalErased && (
          <Button
            size="small"
            icon={<EyeOutlined />}
            loading={loading}
            onClick={onShowFull}
            data-testid="case-show-full"
          >
            {t('petitions.drawer.showFull')}
          </Button>
        )}
      </div>
      {!d.peopleMasked && (
        <Alert
          type="warning"
          showIcon
          title={t('petitions.drawer.fullAudited')}
          data-testid="case-full-note"
        />
      )}
      {d.personalErased && <Alert type="info" showIcon title={t('petitions.drawer.erased')} />}
      <Table<Person>
        size="small"
        rowKey={(p) => String(p.seq)}
        columns={columns}
        dataSource={d.people}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="case-people"
      />
    </Space>
  )
}
