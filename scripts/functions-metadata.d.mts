export declare function completeFunctionsMetadata(json: string): string;
export declare class CompleteFunctionsMetadataPlugin {
  constructor(file?: string);
  apply(compiler: import("webpack").Compiler): void;
}
