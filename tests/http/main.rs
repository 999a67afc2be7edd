//! HTTP tests: one binary, the real app on port 0.

mod accessibility;
mod attack;
mod check;
mod clinics;
mod content;
mod hardening;
mod helpers;
mod pages;
mod reliability;
mod safety;
mod search;
mod spanish;
mod support;
