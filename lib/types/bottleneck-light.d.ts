// bottleneck/light.js is the same API as the package's main entry, without the Redis clustering
// code; octokit's throttling plugin uses it, and so do we (lib/github.ts).
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
