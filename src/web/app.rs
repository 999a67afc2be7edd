//! The application: middleware, outermost first, and the one dispatching
//! handler. One place builds it, used by the server and by the tests, so
//! what is tested is what runs.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::from_fn;
use actix_web::{App, web};

use super::state::AppState;
use super::{error, middleware, pages};

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
        .wrap(from_fn(middleware::rate_limit))
        .wrap(from_fn(middleware::catch_panics))
        .wrap(from_fn(error::render))
        .wrap(from_fn(middleware::security_headers))
        .wrap(from_fn(middleware::log_request))
        .default_service(web::to(pages::dispatch))
}
