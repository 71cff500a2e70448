export declare function pageCsp(connect?: readonly string[]): string;
export declare const PAGE_CSP: string;
export declare function devPageCsp(port: number): string;
