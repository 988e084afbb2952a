// The subset of autocannon's API the drill benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  interface Options {
    url: string;
    overallRate?: number;
    duration?: number;
    connections?: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
