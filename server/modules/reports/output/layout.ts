/**
 * The official document layout (GB/T 9704-2012, `../shared/DOMAIN.md` "Official document layout") in
 * numbers, shared by the Word and HTML writers so both put the type area in the same place.
 */

/** Margins and paper in millimetres: A4, top 37, bottom 35, left (binding side) 28, right 26. */
export const PAPER_MM = { width: 210, height: 297 }
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 }

/**
 * Millimetres to twips (1/20 pt) the way Word stores a length typed in cm: it keeps points to one
 * decimal, so 28 mm = 79.37 pt → 79.4 pt → 1588 twips (the exact 1587.4 would round to 1587).
 * Doing the same gives the twips of a Word-made GB/T 9704 template: A4 = 11906 × 16838,
 * margins 2098 / 1984 / 1588 / 1474.
 */
export const mmToTwips = (mm: number) => Math.round((Math.round((mm / 25.4) * 720) / 10) * 20)

export const PAGE = { width: mmToTwips(PAPER_MM.width), height: mmToTwips(PAPER_MM.height) }
export const MARGIN = {
  top: mmToTwips(MARGIN_MM.top),
  bottom: mmToTwips(MARGIN_MM.bottom),
  left: mmToTwips(MARGIN_MM.left),
  right: mmToTwips(MARGIN_MM.right),
}

/** Sizes in points: 2号 22, 3号 16, 4号 14, 小四 12. Word's w:sz is in half-points. */
export const PT = { title: 22, body: 16, pageNumber: 14, table: 12 }

/**
 * The document grid: 22 lines of 28 characters in the type area (156 × 225 mm).
 * Type area in twips: 11906 − 1588 − 1474 = 8844 wide, 16838 − 2098 − 1984 = 12756 high.
 * - Line pitch: 12756 / 22 = 579.8; Word fits floor(height / pitch) lines, so 580 would give 21
 *   lines; 579 twips (28.95 pt) gives 22.
 * - Character pitch: 8844 / 28 = 315.9 twips = 15.79 pt, a little under the 16 pt body size. Word's
 *   w:charSpace is the pitch minus the default font size, in 1/4096 pt:
 *   (15.793 − 16) × 4096 = −848.3; rounded down (−849) so that 28 characters still fit.
 */
const TYPE_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
const TYPE_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom
export const GRID = {
  lines: 22,
  chars: 28,
  typeWidth: TYPE_WIDTH,
  typeHeight: TYPE_HEIGHT,
  linePitch: Math.floor(TYPE_HEIGHT / 22),
  charSpace: Math.floor((TYPE_WIDTH / 28 / 20 - PT.body) * 4096),
}

/**
 * The page number line: GB/T 9704 puts the top of "— 1 —" 7 mm below the type area. Word's footer
 * distance runs from the paper's edge to the footer's bottom, so one 14 pt line is taken off the
 * 35 − 7 = 28 mm: 1588 − 280 = 1308 twips (about 23 mm).
 */
export const FOOTER_DISTANCE = mmToTwips(MARGIN_MM.bottom - 7) - PT.pageNumber * 20

/** Font names as Chinese Word installations know them; named, not embedded (DOMAIN.md). */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  kai: '楷体_GB2312',
  hei: '黑体',
  song: '宋体',
}
