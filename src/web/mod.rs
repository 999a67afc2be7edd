//! The HTTP shell: one place builds the app (routes and middleware), used by
//! `serve`, the tests and `export`, so what is tested is what runs.

pub mod api;
pub mod body;
pub mod check;
pub mod connect;
pub mod error;
pub mod headers;
pub mod limits;
pub mod log;
pub mod middleware;
pub mod pages;
pub mod routes;

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::HeaderValue;
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use arc_swap::ArcSwap;

use crate::config::Settings;
use crate::site::Site;
use log::Logger;

/// Everything a request handler may read; built once, shared by all workers.
pub struct AppState {
    site: ArcSwap<Site>,
    pub settings: Settings,
    /// The `Content-Security-Policy` of the embeds, built once from the settings.
    pub embed_csp: HeaderValue,
    pub log: Logger,
}

impl AppState {
    pub fn new(site: Site, settings: Settings, log: Logger) -> AppState {
        Self::sharing(Arc::new(site), settings, log)
    }

    /// The same, for a site already built (tests build each site once).
    pub fn sharing(site: Arc<Site>, settings: Settings, log: Logger) -> AppState {
        let csp = headers::embed_content_security_policy(settings.embed_origins.as_deref());
        AppState {
            site: ArcSwap::new(site),
            embed_csp: HeaderValue::from_str(&csp)
                .unwrap_or_else(|_| HeaderValue::from_static("frame-ancestors 'none'")),
            settings,
            log,
        }
    }

    /// The site as it is now (a reload swaps it whole).
    pub fn site(&self) -> Arc<Site> {
        self.site.load_full()
    }

    /// Serves `site` from the next request on; requests in flight finish with the old one.
    pub fn replace_site(&self, site: Site) {
        self.site.store(Arc::new(site));
    }
}

/// The application: middleware and the one dispatching handler.
pub fn app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(state)
        .wrap(from_fn(middleware::limit_request_head))
        .wrap(from_fn(middleware::catch_panics))
        .wrap(from_fn(error::render))
        .wrap(from_fn(middleware::security_headers))
        .wrap(from_fn(middleware::log_request))
        .default_service(web::to(pages::dispatch))
}

/// Starts serving on an already bound listener.
pub fn start(listener: TcpListener, state: web::Data<AppState>) -> std::io::Result<Server> {
    let settings = state.settings.clone();
    let server = HttpServer::new(move || app(state.clone()))
        .client_request_timeout(settings.head_timeout)
        .client_disconnect_timeout(Duration::from_secs(limits::CLIENT_DISCONNECT_SECS))
        .keep_alive(settings.keep_alive)
        .max_connections(limits::MAX_CONNECTIONS_PER_WORKER)
        .shutdown_timeout(limits::SHUTDOWN_GRACE_SECS)
        .listen(listener)?
        .run();
    Ok(server)
}
