/** The project brings its own Node 22 (the major Zapier runs core 19 on) for every npm script, tests included. */
import packageJson from '../../package.json';

it('runs on the Node major Zapier runs, as package.json and .nvmrc declare', async () => {
  const { readFile } = await import('node:fs/promises');
  const nvmrc = (await readFile(`${__dirname}/../../.nvmrc`, 'utf8')).trim();
  expect(process.versions.node.split('.')[0]).toBe(nvmrc);
  expect(packageJson.engines.node).toBe(`>=${nvmrc} <${Number(nvmrc) + 1}`);
});
