//! The HTTP shell: one place builds the app (routes and middleware), used by
//! `serve`, the tests and `export`, so what is tested is what runs.

pub mod api;
pub mod body;
pub mod check;
pub mod connect;
pub mod limits;
pub mod middleware;
pub mod pages;

use std::net::TcpListener;

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{App, HttpServer, guard, web};

use crate::config::Settings;
use crate::site::Site;

/// Everything a request handler may read; built once, shared by all workers.
pub struct AppState {
    pub site: Site,
    pub settings: Settings,
    /// The `Content-Security-Policy` of embed paths, built once from the settings.
    pub embed_csp: actix_web::http::header::HeaderValue,
}

/// The application: routes and middleware.
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
        .wrap(actix_web::middleware::from_fn(
            middleware::limit_request_head,
        ))
        .wrap(actix_web::middleware::from_fn(middleware::security_headers))
        .wrap(actix_web::middleware::from_fn(middleware::log_request))
        .route("/check", web::post().to(check::submit))
        .route("/embed/check", web::post().to(check::submit_embedded))
        .route(
            "/connect",
            web::route()
                .guard(guard::Any(guard::Get()).or(guard::Head()))
                .to(connect::connect),
        )
        .route("/api/v1/triage", web::post().to(api::triage))
        .default_service(web::to(pages::dispatch))
}

/// Starts serving on an already bound listener.
pub fn start(listener: TcpListener, state: AppState) -> std::io::Result<Server> {
    let state = web::Data::new(state);
    let server = HttpServer::new(move || app(state.clone()))
        .client_request_timeout(limits::REQUEST_HEAD_TIMEOUT)
        .client_disconnect_timeout(limits::CLIENT_DISCONNECT_TIMEOUT)
        .keep_alive(limits::KEEP_ALIVE)
        .max_connections(limits::MAX_CONNECTIONS_PER_WORKER)
        .shutdown_timeout(limits::SHUTDOWN_GRACE_SECS)
        .listen(listener)?
        .run();
    Ok(server)
}
