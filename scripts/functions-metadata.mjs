// What custom-functions-metadata cannot write into functions.json, added at build time (webpack.config.js).
//
// allowErrorForDataTypeAny: without it Excel never calls a function whose `any` argument (a value or a range)
// holds an error, and shows its own error instead, so "an error in the range is the result" and each
// function's message about it never happen. Office documents it as a top-level property of the metadata,
// applying to every parameter of type any (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany),
// and the generator has no JSDoc tag for it.

/** functions.json text with the properties the generator cannot write; throws on text that is not metadata. */
export function completeFunctionsMetadata(json) {
  const metadata = JSON.parse(json);
  if (!metadata || !Array.isArray(metadata.functions))
    throw new Error("functions.json has no functions list");
  return JSON.stringify({ ...metadata, allowErrorForDataTypeAny: true }, null, 4);
}

/** Rewrites the asset `file` after CustomFunctionsMetadataPlugin has added it to the compilation. */
export class CompleteFunctionsMetadataPlugin {
  constructor(file = "functions.json") {
    this.file = file;
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("CompleteFunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "CompleteFunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.file);
          // None when the metadata plugin reported errors: those fail the build already.
          if (!asset) return;
          try {
            const text = completeFunctionsMetadata(asset.source.source().toString());
            compilation.updateAsset(this.file, new sources.RawSource(text));
          } catch (err) {
            compilation.errors.push(new WebpackError(`${this.file}: ${err.message}`));
          }
        },
      );
    });
  }
}
