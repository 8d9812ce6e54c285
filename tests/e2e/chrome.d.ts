// The extension APIs as seen from playwright's worker.evaluate in end-to-end tests.
declare const chrome: any;
