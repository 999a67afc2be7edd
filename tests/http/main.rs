//! HTTP tests: one binary, the real app on port 0 (started as the binary
//! starts it, through `Application`); helpers and lists are `tests/common`.

#![warn(clippy::too_many_lines)]

mod accessibility;
mod app;
mod attack;
mod check;
mod clinics;
mod content;
mod hardening;
mod pages;
mod reliability;
mod rendered;
mod safety;
mod search;
mod spanish;
