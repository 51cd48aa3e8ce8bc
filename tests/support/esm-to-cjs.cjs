// Jest runs the tests as CommonJS (ts-jest), and Node 20's jest cannot require an ES module. The
// OpenID packages (openid-client and what it builds on; oidc-provider in the tests) ship only ES
// modules, so these few are rewritten to CommonJS on the way in, with esbuild (which tsx brings).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest transformer is CommonJS
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      format: 'cjs',
      loader: 'js',
      target: 'node20',
      sourcefile: filename,
      sourcemap: 'external',
    });
    return { code, map };
  },
};
