/**
 * Ribbon "Refresh all" action.
 *
 * TODO(wire-later): placeholder until src/excel/refresh.ts exists; then re-export its refreshAll from
 * here (or import it directly in commands.ts) so the ribbon button re-fetches every metric table.
 */
export async function refreshAll(): Promise<void> {
  // Intentionally empty.
}
