import { Space } from 'antd'
import { useAuth } from '../../../app/auth'
import { canConfigurePetitions } from '../labels'
import { CategoryTable } from './CategoryTable'
import { PlansTable } from './PlansTable'

export function TaxonomyTab() {
  const { user } = useAuth()
  // The server enforces petition.config; the web only hides buttons that would be refused.
  const canEdit = canConfigurePetitions(user?.role)
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <CategoryTable canEdit={canEdit} />
      <PlansTable canEdit={canEdit} />
    </Space>
  )
}
