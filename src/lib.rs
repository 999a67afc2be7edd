//! A patient-education website on leg pain at night.

pub mod clinics;
pub mod config;
pub mod content;
pub mod export;
pub mod i18n;
pub mod problem;
pub mod search;
pub mod site;
pub mod startup;
pub mod triage;
pub mod web;
