import { useEffect, useRef } from 'react'

interface Props {
  /** A whole HTML document from the server (every text escaped there). */
  html: string
  /** Called with a figure's index when the reader clicks it (`<span class="figure" data-figure="n">`). */
  onFigure?: (index: number) => void
  /** The figure whose provenance is open: outlined in the page. */
  selected?: number | null
  /** A fixed height (the editor's pane scrolls inside); without it the frame grows to its page. */
  height?: number
  title: string
  'data-testid'?: string
}

// The page is an A4 sheet (210 mm ≈ 794 px plus its margin); narrower panes show it scaled down.
const SHEET_PX = 830
const EXTRA_CSS = `
.report .figure.selected { background: #ffe58f; outline: 2px solid #faad14; }
`

/**
 * A report page in a sandboxed frame: no scripts run inside it (`sandbox` without allow-scripts);
 * same origin only so this page can listen to clicks on figures and fit the sheet to the pane.
 * A new preview keeps the reader's scroll position, so typing does not jump to the top.
 */
export function ReportFrame({ html, onFigure, selected, height, title, ...rest }: Props) {
  const ref = useRef<HTMLIFrameElement>(null)
  const scroll = useRef(0)
  const onFigureRef = useRef(onFigure)
  onFigureRef.current = onFigure
  const selectedRef = useRef(selected)
  selectedRef.current = selected

  // Before the document is replaced, remember where the reader was.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the document changes
  useEffect(() => {
    const win = ref.current?.contentWindow
    if (win) scroll.current = win.scrollY
  }, [html])

  useEffect(() => {
    const frame = ref.current
    if (!frame) return
    const fitSheet = () => {
      const doc = frame.contentDocument
      if (!doc?.documentElement) return
      const zoom = Math.min(1, frame.clientWidth / SHEET_PX)
      doc.documentElement.style.setProperty('zoom', String(zoom))
      if (height === undefined)
        frame.style.height = `${Math.ceil(doc.documentElement.scrollHeight * zoom) + 8}px`
    }
    const onLoad = () => {
      const doc = frame.contentDocument
      if (!doc) return
      const style = doc.createElement('style')
      style.textContent = EXTRA_CSS
      doc.head?.appendChild(style)
      mark(doc, selectedRef.current)
      doc.addEventListener('click', (e) => {
        const el = (e.target as Element | null)?.closest?.('[data-figure]')
        const n = el ? Number(el.getAttribute('data-figure')) : Number.NaN
        if (Number.isInteger(n)) onFigureRef.current?.(n)
      })
      fitSheet()
      frame.contentWindow?.scrollTo(0, scroll.current)
    }
    frame.addEventListener('load', onLoad)
    const observer = new ResizeObserver(fitSheet)
    observer.observe(frame)
    return () => {
      frame.removeEventListener('load', onLoad)
      observer.disconnect()
    }
  }, [height])

  useEffect(() => {
    const doc = ref.current?.contentDocument
    if (doc) mark(doc, selected)
  }, [selected])

  return (
    <iframe
      ref={ref}
      title={title}
      srcDoc={html}
      sandbox="allow-same-origin"
      style={{ width: '100%', height: height ?? 600, border: '1px solid #f0f0f0', background: '#f0f0f0' }}
      data-testid={rest['data-testid']}
    />
  )
}

function mark(doc: Document, selected: number | null | undefined) {
  for (const el of doc.querySelectorAll('.figure.selected')) el.classList.remove('selected')
  if (selected === null || selected === undefined) return
  for (const el of doc.querySelectorAll(`[data-figure="${selected}"]`)) el.classList.add('selected')
}
