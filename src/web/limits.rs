//! Every fixed limit the server sets, in one place, each with why. The
//! deadlines for slow clients are settings (`--head-timeout`, `--body-timeout`,
//! `--keep-alive`).

/// Largest request body: the check's answers fit in under 1 KiB (`413` beyond).
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// Longest path and query accepted (`414` beyond): real links are under 200
/// bytes, and only `/connect` takes a query.
pub const MAX_URI_BYTES: usize = 2048;

/// Most header bytes accepted (`431` beyond): browsers send about 1 KiB, and
/// the site sets no cookies that could grow them.
pub const MAX_HEADER_BYTES: usize = 8 * 1024;

/// Largest request head (request line and headers) a connection reads: past
/// it, the connection answers `431` itself and closes. Above the two limits
/// before, so those answer with their own pages.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;

/// Time allowed to close a connection cleanly after the response.
pub const CLIENT_DISCONNECT_SECS: u64 = 2;

/// Open connections per worker: far above real traffic, below the file-descriptor limit.
pub const MAX_CONNECTIONS_PER_WORKER: usize = 4096;

/// Clients the rate limit remembers before forgetting those whose allowance
/// is full again (about 64 bytes each): a flood from many addresses cannot
/// grow memory without bound.
pub const MAX_TRACKED_CLIENTS: usize = 100_000;

/// Seconds the server waits for requests in flight when asked to stop.
pub const SHUTDOWN_GRACE_SECS: u64 = 10;

// Header count: the HTTP parser answers `431` past 96 headers.
