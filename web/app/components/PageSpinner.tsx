import { Spin } from 'antd'

export function PageSpinner() {
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'center',
        height: '100%',
        minHeight: 200,
      }}
    >
      <Spin size="large" />
    </div>
  )
}
