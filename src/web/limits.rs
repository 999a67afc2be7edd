//! Every limit the server sets, in one place, each with why.

use std::time::Duration;

/// Longest path and query accepted (`414` beyond): real links are under 200
/// bytes, and no page takes a query.
pub const MAX_URI_BYTES: usize = 2048;

/// Most header bytes accepted (`431` beyond): browsers send about 1 KiB, and
/// the site sets no cookies that could grow them.
pub const MAX_HEADER_BYTES: usize = 8 * 1024;

/// Time a client has to send its request head (`408` beyond): stops slow-header
/// clients from holding connections.
pub const REQUEST_HEAD_TIMEOUT: Duration = Duration::from_secs(5);

/// Idle time before a keep-alive connection is closed: long enough for a
/// reader's next click, short enough that idle sockets do not pile up.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Time allowed to close a connection cleanly after the response.
pub const CLIENT_DISCONNECT_TIMEOUT: Duration = Duration::from_secs(2);

/// Open connections per worker: far above real traffic, below the file-descriptor limit.
pub const MAX_CONNECTIONS_PER_WORKER: usize = 4096;

/// Seconds the server waits for requests in flight when asked to stop.
pub const SHUTDOWN_GRACE_SECS: u64 = 10;

// Request bodies: see `body::MAX_BODY_BYTES` (16 KiB). Header count: actix-web
// answers `431` past 96 headers.
