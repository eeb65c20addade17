// autocannon ships no types; only what lib/load.ts uses.
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    timeout?: number;
  }
  interface Instance {
    on(event: 'response', listener: (client: object, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
  }
  // biome-ignore lint/suspicious/noExplicitAny: the result object is read field by field.
  function autocannon(opts: Options, cb: (err: Error | null, result: any) => void): Instance;
  export default autocannon;
}
