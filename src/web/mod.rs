//! The HTTP shell: the application (`app.rs`: routes and middleware), the
//! server and its connections (`server.rs`, `conn.rs`), one error type
//! (`error.rs`) and the handlers. Arrows point one way: handlers and
//! middleware use the state, errors and routes, never the server.

pub mod api;
pub mod app;
pub mod body;
pub mod conn;
pub mod connect;
pub mod error;
pub mod headers;
pub mod limiter;
pub mod limits;
pub mod log;
pub mod middleware;
pub mod pages;
pub mod raw;
pub mod routes;
pub mod search;
pub mod server;
pub mod state;
pub mod symptom;

pub use app::app;
pub use server::{Capacity, start, start_with};
pub use state::{AppState, Live};
