/**
 * Imported first by the tour: run zapier-platform-core in its testing mode, as
 * createAppTester expects (output checks throw instead of being logged, and core does not
 * print its per-invocation memory line). It must be set before core is loaded.
 */
process.env.NODE_ENV ??= 'test';
