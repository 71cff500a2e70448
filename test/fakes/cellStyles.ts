// Range.format.fill.color and Range.format.font.color in the fake (ExcelApi 1.1): the fixed fills of cells,
// kept beside the sheet's cells. Colours must be #RRGGBB or a colour name, as Excel requires.
import type { Rect } from "./a1.js";
import type { FakeRequestContext } from "./context.js";
import { FakeOfficeError, type SheetState } from "./workbook.js";

export interface CellStyle {
  fill?: string;
  font?: string;
}

const stylesBySheet = new WeakMap<SheetState, Map<string, CellStyle>>();

function stylesOf(sheet: SheetState): Map<string, CellStyle> {
  let map = stylesBySheet.get(sheet);
  if (!map) stylesBySheet.set(sheet, (map = new Map()));
  return map;
}

/** The fixed style of one cell (0-based), if it has one. */
export function cellStyle(sheet: SheetState, row: number, col: number): CellStyle | undefined {
  return stylesOf(sheet).get(`${row},${col}`);
}

const COLOUR = /^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/;

/** The `format` of a range: autofit, and fill and font colours for every cell of the range. */
export function rangeFormat(context: FakeRequestContext, locate: () => { sheet: SheetState; rect: Rect }) {
  const style = (what: keyof CellStyle) => (color: string) =>
    context.enqueue(
      `Range.format.${what}.color=`,
      () => {
        if (!COLOUR.test(color)) throw new FakeOfficeError("InvalidArgument", `"${color}" is not a colour`);
        const { sheet, rect } = locate();
        const map = stylesOf(sheet);
        for (let r = rect.row; r < rect.row + rect.rows; r++)
          for (let c = rect.col; c < rect.col + rect.cols; c++)
            map.set(`${r},${c}`, { ...map.get(`${r},${c}`), [what]: color });
      },
      color,
    );
  const fill = style("fill");
  const font = style("font");
  return {
    autofitColumns: () => context.enqueue("Range.format.autofitColumns", () => undefined),
    fill: {
      set color(color: string) {
        fill(color);
      },
    },
    font: {
      set color(color: string) {
        font(color);
      },
    },
  };
}
