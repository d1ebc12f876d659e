/**
 * One ECharts chart. Only the chart kinds and components the dashboards use are registered, so the
 * bundle carries a fraction of ECharts; add a kind here when a page needs it. The chart follows its
 * container's width and is disposed with the component.
 */
import { BarChart, CustomChart, LineChart, PieChart } from 'echarts/charts'
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { type CSSProperties, useEffect, useRef } from 'react'

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  DataZoomComponent,
  MarkLineComponent,
  CanvasRenderer,
])

export type EChartOption = echarts.EChartsCoreOption

export function EChart({
  option,
  height = 280,
  style,
  testId,
}: {
  option: EChartOption
  height?: number
  style?: CSSProperties
  testId?: string
}) {
  const el = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    if (!el.current) return
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' })
    chart.current = c
    const ro = new ResizeObserver(() => c.resize())
    ro.observe(el.current)
    return () => {
      ro.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    // notMerge: a new option replaces the old one (series removed by a filter must disappear).
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return <div ref={el} data-testid={testId} style={{ width: '100%', height, ...style }} />
}
