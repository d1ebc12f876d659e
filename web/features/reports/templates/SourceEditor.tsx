import { Input, Typography } from 'antd'
import type { TextAreaRef } from 'antd/es/input/TextArea'
import { forwardRef, useImperativeHandle, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

export interface SourceEditorHandle {
  /** Puts the caret on a line (1-based), selects it and scrolls it into view. */
  goTo: (line: number, col?: number) => void
}

interface Props {
  value: string
  onChange: (v: string) => void
  readOnly?: boolean
  height: number
}

const FONT = '13px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace'

/** Offset of the start of a 1-based line, and of its end. */
export function lineRange(text: string, line: number): [number, number] {
  let start = 0
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start)
    if (next < 0) return [text.length, text.length]
    start = next + 1
  }
  const end = text.indexOf('\n', start)
  return [start, end < 0 ? text.length : end]
}

/** The caret's line and column (1-based). */
export function caretPosition(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, col: offset - before.lastIndexOf('\n') }
}

/**
 * The template source: a plain monospace text area (prose wraps, as writers expect) with the
 * caret's line and column under it, so a problem "第 12 行" can be found by eye as well.
 */
export const SourceEditor = forwardRef<SourceEditorHandle, Props>(function SourceEditor(
  { value, onChange, readOnly, height },
  ref,
) {
  const { t } = useTranslation()
  const area = useRef<TextAreaRef>(null)
  const [caret, setCaret] = useState({ line: 1, col: 1 })
  const track = () => {
    const el = area.current?.resizableTextArea?.textArea
    if (el) setCaret(caretPosition(el.value, el.selectionStart))
  }

  useImperativeHandle(ref, () => ({
    goTo(line, col = 1) {
      const el = area.current?.resizableTextArea?.textArea
      if (!el) return
      const [start, end] = lineRange(el.value, line)
      el.focus()
      el.setSelectionRange(start, end)
      setCaret({ line, col })
      // Scroll the line into view: measure the text before it in a hidden copy of the area.
      const probe = el.cloneNode() as HTMLTextAreaElement
      Object.assign(probe.style, { position: 'absolute', visibility: 'hidden', height: '0px' })
      probe.value = el.value.slice(0, start)
      el.parentElement?.appendChild(probe)
      el.scrollTop = Math.max(0, probe.scrollHeight - el.clientHeight / 3)
      probe.remove()
    },
  }))

  return (
    <div>
      <Input.TextArea
        ref={area}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onSelect={track}
        onKeyUp={track}
        onClick={track}
        readOnly={readOnly}
        spellCheck={false}
        style={{ height, resize: 'none', font: FONT, whiteSpace: 'pre-wrap' }}
        data-testid="template-source"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="template-caret">
        {t('reports.editor.caret', { line: caret.line, col: caret.col })}
      </Typography.Text>
    </div>
  )
})
