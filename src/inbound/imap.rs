//! The IMAP side: connect with TLS (or STARTTLS; plain text only to a loopback address, for
//! tests), sign in with a password or an OAuth2 bearer token (`XOAUTH2`, as Microsoft 365
//! requires), fetch a message by UID, and move or delete it once dealt with.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::TryStreamExt;
use secrecy::ExposeSecret;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;
use tokio_rustls::rustls::pki_types::ServerName;

use super::InboundError;
use crate::config::inbound::{AfterFiling, ImapAuth, ImapSettings, Security};

/// A message over this size is not fetched whole: its headers are read and it goes to the
/// unmatched list, so one huge message cannot exhaust an instance's memory.
pub const MAX_FETCH_BYTES: u32 = 25 * 1024 * 1024;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// The connection: plain TCP (loopback only) or TLS.
pub enum Stream {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Stream::Plain(_) => "Stream::Plain",
            Stream::Tls(_) => "Stream::Tls",
        })
    }
}

impl AsyncRead for Stream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Stream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_flush(cx),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

pub type Session = async_imap::Session<Stream>;

struct XOAuth2<'a> {
    user: &'a str,
    token: &'a str,
}

impl async_imap::Authenticator for XOAuth2<'_> {
    type Response = String;

    fn process(&mut self, _challenge: &[u8]) -> String {
        format!("user={}\x01auth=Bearer {}\x01\x01", self.user, self.token)
    }
}

fn imap_error(e: async_imap::error::Error) -> InboundError {
    InboundError::Imap(e.to_string())
}

async fn tls(host: &str, tcp: TcpStream) -> Result<Stream, InboundError> {
    let roots = tokio_rustls::rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let config = tokio_rustls::rustls::ClientConfig::builder()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = ServerName::try_from(host.to_owned())
        .map_err(|e| InboundError::Connect(format!("{host}: {e}")))?;
    let stream = TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .map_err(|e| InboundError::Connect(format!("TLS with {host}: {e}")))?;
    Ok(Stream::Tls(Box::new(stream)))
}

/// Connect and sign in, ready to select the mailbox.
pub async fn connect(settings: &ImapSettings) -> Result<Session, InboundError> {
    let tcp = tokio::time::timeout(
        CONNECT_TIMEOUT,
        TcpStream::connect((settings.host.as_str(), settings.port)),
    )
    .await
    .map_err(|_| InboundError::Connect(format!("{}: timed out", settings.host)))?
    .map_err(|e| InboundError::Connect(format!("{}: {e}", settings.host)))?;
    let mut client = match settings.security {
        Security::Tls => {
            let mut client = async_imap::Client::new(tls(&settings.host, tcp).await?);
            greeting(&mut client).await?;
            client
        }
        Security::StartTls => {
            let mut client = async_imap::Client::new(Stream::Plain(tcp));
            greeting(&mut client).await?;
            client
                .run_command_and_check_ok("STARTTLS", None)
                .await
                .map_err(imap_error)?;
            let Stream::Plain(tcp) = client.into_inner() else {
                return Err(InboundError::Connect("STARTTLS on a TLS stream".into()));
            };
            async_imap::Client::new(tls(&settings.host, tcp).await?)
        }
        Security::PlainLoopback => {
            let mut client = async_imap::Client::new(Stream::Plain(tcp));
            greeting(&mut client).await?;
            client
        }
    };
    let _ = &mut client;
    let session = match &settings.auth {
        ImapAuth::Password(password) => client
            .login(&settings.user, password.expose_secret())
            .await
            .map_err(|(e, _)| InboundError::SignIn(e.to_string()))?,
        ImapAuth::OAuth2(token) => client
            .authenticate(
                "XOAUTH2",
                XOAuth2 {
                    user: &settings.user,
                    token: token.expose_secret(),
                },
            )
            .await
            .map_err(|(e, _)| InboundError::SignIn(e.to_string()))?,
    };
    Ok(session)
}

async fn greeting(client: &mut async_imap::Client<Stream>) -> Result<(), InboundError> {
    client
        .read_response()
        .await
        .map_err(|e| InboundError::Connect(e.to_string()))?
        .ok_or_else(|| InboundError::Connect("the server closed before greeting".into()))?;
    Ok(())
}

/// Select the mailbox: its UIDVALIDITY and every message's UID, oldest first.
pub async fn list(session: &mut Session, mailbox: &str) -> Result<(i64, Vec<u32>), InboundError> {
    let selected = session.select(mailbox).await.map_err(imap_error)?;
    let validity = i64::from(selected.uid_validity.unwrap_or(0));
    let mut uids: Vec<u32> = session
        .uid_search("UNDELETED")
        .await
        .map_err(imap_error)?
        .into_iter()
        .collect();
    uids.sort_unstable();
    Ok((validity, uids))
}

/// One message's bytes; only its headers when it is over [`MAX_FETCH_BYTES`] (then `true`).
pub async fn fetch(session: &mut Session, uid: u32) -> Result<(Vec<u8>, bool), InboundError> {
    let sizes: Vec<_> = session
        .uid_fetch(uid.to_string(), "(UID RFC822.SIZE)")
        .await
        .map_err(imap_error)?
        .try_collect()
        .await
        .map_err(imap_error)?;
    let size = sizes.iter().find_map(|f| f.size).unwrap_or(0);
    let (query, cut) = if size > MAX_FETCH_BYTES {
        ("(UID BODY.PEEK[HEADER])", true)
    } else {
        ("(UID BODY.PEEK[])", false)
    };
    let fetched: Vec<_> = session
        .uid_fetch(uid.to_string(), query)
        .await
        .map_err(imap_error)?
        .try_collect()
        .await
        .map_err(imap_error)?;
    let bytes = fetched
        .iter()
        .find_map(|f| if cut { f.header() } else { f.body() })
        .map(<[u8]>::to_vec)
        .ok_or_else(|| InboundError::Imap(format!("message {uid} has no body")))?;
    Ok((bytes, cut))
}

/// Move the message to the filed folder, or delete it, as configured.
pub async fn remove(
    session: &mut Session,
    after: &AfterFiling,
    uid: u32,
) -> Result<(), InboundError> {
    let uid = uid.to_string();
    if let AfterFiling::Move(folder) = after {
        // Made once; "already exists" is the usual answer and is not an error here.
        let _ = session.create(folder).await;
        if session.uid_mv(&uid, folder).await.is_ok() {
            return Ok(());
        }
        // A server without MOVE: copy, then delete below.
        session.uid_copy(&uid, folder).await.map_err(imap_error)?;
    }
    let _: Vec<_> = session
        .uid_store(&uid, "+FLAGS.SILENT (\\Deleted)")
        .await
        .map_err(imap_error)?
        .try_collect()
        .await
        .map_err(imap_error)?;
    // UID EXPUNGE (UIDPLUS) removes only this message; a server without it expunges all
    // messages marked deleted, which are only ever ours.
    let expunged = match session.uid_expunge(&uid).await {
        Ok(stream) => {
            let done: Result<Vec<_>, _> = stream.try_collect().await;
            done.is_ok()
        }
        Err(_) => false,
    };
    if !expunged {
        let stream = session.expunge().await.map_err(imap_error)?;
        let _: Vec<_> = stream.try_collect().await.map_err(imap_error)?;
    }
    Ok(())
}
