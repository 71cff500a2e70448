export declare const DEV_BASE_URL: string;
export declare function rewriteManifestUrls(xml: string, baseUrl: string): string;
