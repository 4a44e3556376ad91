// Zapier's CommonJS wrapper requires ./index.js at the app root; the app itself is
// written in index.ts and compiled to dist/ (run `npm run build`).
module.exports = require('./dist/index.js');
