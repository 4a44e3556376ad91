/** The connector's name and version, as sent in the User-Agent (kept equal to package.json by a test). */
export const CONNECTOR_NAME = 'lusha-zapier';
export const CONNECTOR_VERSION = '2.0.0';
export const USER_AGENT = `${CONNECTOR_NAME}/${CONNECTOR_VERSION} (Zapier integration)`;
