//! What every request reads: the site and settings in force (swapped whole
//! by a reload), the log, and the signal that the server is stopping.

use std::sync::Arc;

use actix_web::http::header::HeaderValue;
use actix_web::web::Bytes;
use arc_swap::ArcSwap;

use super::headers::{self, Security};
use super::limiter::Limiter;
use super::log::Logger;
use super::raw::raw_error_response;
use crate::settings::Settings;
use crate::site::{ErrorKind, Place, Site};

/// The site and the settings it was built with: swapped whole by a reload,
/// so a request sees one or the other, never a mix.
pub struct Live {
    pub site: Arc<Site>,
    pub settings: Settings,
    /// The `Content-Security-Policy` of the embeds, built once from the settings.
    pub embed_csp: HeaderValue,
    /// The whole `408` answer the connection layer writes when a request head
    /// comes too slowly (the app never sees that request).
    pub slow_head: Bytes,
    /// The whole `431` answer it writes for a request head larger than any the app reads.
    pub large_head: Bytes,
    /// Requests per client on the limited routes (`None`: no limit). A
    /// reload starts it afresh with the new rate.
    pub limiter: Option<Limiter>,
}

impl Live {
    pub fn new(site: Arc<Site>, settings: Settings) -> Live {
        let limiter = settings.rate_limit.map(Limiter::new);
        let csp = headers::embed_content_security_policy(settings.embed_origins.as_deref());
        let embed_csp = HeaderValue::from_str(&csp)
            .unwrap_or_else(|_| HeaderValue::from_static("frame-ancestors 'none'"));
        let security = Security {
            https: settings.https(),
            embed_csp: None,
        };
        let slow_head = raw_error_response(&site, security, ErrorKind::Timeout);
        let large_head = raw_error_response(&site, security, ErrorKind::HeadersTooLarge);
        Live {
            site,
            settings,
            embed_csp,
            slow_head,
            large_head,
            limiter,
        }
    }

    /// The security headers of a response (the embed policy for an embed).
    pub fn security(&self, embed: bool) -> Security<'_> {
        Security {
            https: self.settings.https(),
            embed_csp: embed.then_some(&self.embed_csp),
        }
    }

    /// Where a request path points.
    pub fn place(&self, path: &str) -> Place {
        self.site.place(path)
    }
}

/// Everything a request handler may read; built once, shared by all workers.
pub struct AppState {
    live: ArcSwap<Live>,
    pub log: Logger,
    /// Told when the server stops, so idle kept-alive connections close at once.
    pub shutdown: Arc<tokio::sync::Notify>,
}

impl AppState {
    pub fn new(site: Site, settings: Settings, log: Logger) -> AppState {
        Self::sharing(Arc::new(site), settings, log)
    }

    /// The same, for a site already built (tests build each site once).
    pub fn sharing(site: Arc<Site>, settings: Settings, log: Logger) -> AppState {
        AppState {
            live: ArcSwap::from_pointee(Live::new(site, settings)),
            log,
            shutdown: Arc::new(tokio::sync::Notify::new()),
        }
    }

    /// The site and settings as they are now.
    pub fn live(&self) -> Arc<Live> {
        self.live.load_full()
    }

    /// Serves `site` with `settings` from the next request on; requests in
    /// flight finish with the old ones.
    pub fn replace(&self, site: Site, settings: Settings) {
        self.live
            .store(Arc::new(Live::new(Arc::new(site), settings)));
    }
}
