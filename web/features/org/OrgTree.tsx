import { Empty, Spin, Tree, Typography } from 'antd'
import type { DataNode } from 'antd/es/tree'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useElementHeight } from '../../app/hooks/useElementHeight'
import type { OrgUnit } from '../../app/types'
import { ancestorKeys, buildNodes, keyOf, type OrgIndex, searchIndex } from './tree'

interface OrgNode extends DataNode {
  key: string
  unit: OrgUnit
  children?: OrgNode[]
}

interface Props {
  index: OrgIndex
  loading: boolean
  query: string
  selectedKey: string | null
  onSelect: (key: string) => void
}

function Highlight({ text, query }: { text: string; query: string }) {
  if (!query) return <>{text}</>
  const at = text.toLowerCase().indexOf(query.toLowerCase())
  if (at < 0) return <>{text}</>
  return (
    <>
      {text.slice(0, at)}
      <mark style={{ padding: 0, background: '#ffe58f' }}>{text.slice(at, at + query.length)}</mark>
      {text.slice(at + query.length)}
    </>
  )
}

/** The scope's org tree, virtualised (it can hold ~12,000 units); a query prunes it to matches. */
export function OrgTree({ index, loading, query, selectedKey, onSelect }: Props) {
  const { t } = useTranslation()
  const [boxRef, height] = useElementHeight<HTMLDivElement>(500)
  const search = useMemo(() => (query ? searchIndex(index, query) : null), [index, query])
  const treeData = useMemo(
    () =>
      buildNodes<OrgNode>(
        index,
        (unit, children) => ({ key: keyOf(unit.id), title: unit.name, unit, children, isLeaf: !children }),
        search ? (k) => search.keep.has(k) : undefined,
      ),
    [index, search],
  )

  const [expanded, setExpanded] = useState<string[]>([])
  // Start with the top of the scope open; on search, open the way to every match.
  // A refetch (after an edit) keeps what the user opened.
  useEffect(() => {
    if (search) setExpanded(search.expand)
    else setExpanded((prev) => (prev.length > 0 ? prev : index.roots.map((r) => keyOf(r.id))))
  }, [index, search])

  // When the selection comes from elsewhere (a click in the table), open the way to it.
  useEffect(() => {
    if (!selectedKey) return
    const path = ancestorKeys(index, selectedKey)
    setExpanded((prev) => (path.every((k) => prev.includes(k)) ? prev : [...new Set([...prev, ...path])]))
  }, [index, selectedKey])

  return (
    <div style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }} data-testid="org-tree">
      {search && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
          {t('org.matches', { count: search.matches.size })}
        </Typography.Text>
      )}
      <div ref={boxRef} style={{ flex: 1, minHeight: 0 }}>
        {loading ? (
          <Spin style={{ display: 'block', marginTop: 48 }} />
        ) : treeData.length === 0 ? (
          <Empty description={t('org.treeEmpty')} />
        ) : (
          <Tree<OrgNode>
            virtual
            height={height}
            blockNode
            treeData={treeData}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys.map(String))}
            selectedKeys={selectedKey ? [selectedKey] : []}
            onSelect={(_keys, info) => onSelect(info.node.key)}
            titleRender={(node) => (
              <span
                data-testid={`org-node-${node.key}`}
                title={node.unit.name}
                // Virtual scrolling assumes one line per node: never let a long name wrap.
                style={{
                  display: 'block',
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                  ...(node.unit.voidedAt ? { color: '#bfbfbf', textDecoration: 'line-through' } : {}),
                }}
              >
                <Highlight text={node.unit.name} query={query} />
                {node.unit.code && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                    {node.unit.code}
                  </Typography.Text>
                )}
              </span>
            )}
          />
        )}
      </div>
    </div>
  )
}
