import { version as platformVersion } from 'zapier-platform-core';
import packageJson from './package.json';

const App = {
  version: packageJson.version,
  platformVersion,
  triggers: {},
  searches: {},
  creates: {},
};

export = App;
