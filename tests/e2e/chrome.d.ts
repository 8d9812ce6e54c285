// The extension APIs as seen from playwright's worker.evaluate in end-to-end tests.
declare const chrome: any;

/** a live Range over a highlight's StaticRange (installed in every page by the harness) */
declare function __liveRange(r: AbstractRange): Range;
