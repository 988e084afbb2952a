declare module '@vercel/ncc' {
  interface NccAsset {
    source: Buffer | string;
    permissions?: number;
  }
  interface NccOptions {
    minify?: boolean;
    sourceMap?: boolean;
    quiet?: boolean;
    target?: string;
    license?: string;
    cache?: boolean | string;
    externals?: string[];
    transpileOnly?: boolean;
  }
  export default function ncc(
    entry: string,
    options?: NccOptions,
  ): Promise<{ code: string; assets: Record<string, NccAsset> }>;
}
