//! A patient-education website on leg pain at night.

#![warn(clippy::too_many_lines)]

pub mod app;
pub mod clinics;
pub mod code_system;
pub mod commands;
pub mod content;
pub mod export;
pub mod i18n;
pub mod ids;
pub mod problem;
pub mod search;
pub mod settings;
pub mod site;
pub mod startup;
pub mod triage;
pub mod web;

#[cfg(test)]
mod module_graph;
