//! [`ClientIp`]: who is asking, for counting tries (sign-in, tracking, the API's rate limit).
//! The peer's address, or the last `X-Forwarded-For` hop when the peer is a trusted proxy
//! (`HYS_TRUSTED_PROXIES`); a header from anyone else is ignored, so it cannot be forged.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use crate::config::Config;
use crate::web::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl ClientIp {
    /// The client of a request served from a socket; `None` for a router driven without one.
    pub fn of(parts: &Parts, config: &Config) -> Option<Self> {
        let ConnectInfo(peer) = parts.extensions.get::<ConnectInfo<SocketAddr>>()?;
        Some(Self(client_ip(config, *peer, &parts.headers)))
    }
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Infallible> {
        // Every request the listener serves has a peer; without one, all such requests count
        // together, which errs towards limiting.
        Ok(Self::of(parts, &app.config).unwrap_or(Self(IpAddr::V4(Ipv4Addr::UNSPECIFIED))))
    }
}

fn client_ip(config: &Config, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
    if config.trusted_proxies.contains(&peer.ip())
        && let Some(forwarded) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok())
    {
        return forwarded;
    }
    peer.ip()
}
