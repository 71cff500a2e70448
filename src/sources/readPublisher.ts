// Reading a publisher's file in this thread. The readers (and fflate, saxes) are loaded on first use, so
// they never weigh on the functions bundle or the pane's first paint.
import type { Observation } from "../core/model.js";
import type { ReaderOptions } from "../core/publishers/types.js";

export type PublisherFileReader = (
  id: string,
  bytes: Uint8Array,
  options: ReaderOptions,
) => Promise<Observation[]>;

export const readPublisherFile: PublisherFileReader = async (id, bytes, options) => {
  const { readerFor } = await import(/* webpackChunkName: "readers" */ "../core/publishers/index.js");
  return readerFor(id).read(bytes, options);
};
