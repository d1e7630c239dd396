//! A deliberately small HTTP/1.1 client for load: one keep-alive connection, requests written as
//! prepared bytes, responses parsed just enough (status, headers, `content-length` or chunked
//! bodies). It costs the load generator far less per request than a general client, so on a
//! machine with few cores the server, not the generator, is what runs out first.

use std::io;
use std::net::SocketAddr;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct Response {
    pub status: u16,
    /// Header lines as sent, lower-cased names (only read by the page-weight checks).
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Bytes of the status line and headers, the blank line included.
    pub head_bytes: usize,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

pub struct Conn {
    addr: SocketAddr,
    stream: Option<TcpStream>,
    buf: Vec<u8>,
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn broken(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}

impl Conn {
    pub fn new(addr: SocketAddr) -> Self {
        Self {
            addr,
            stream: None,
            buf: Vec::with_capacity(64 * 1024),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Send one request and read its response. A connection the server closed is opened again
    /// before the next request; an error leaves the connection closed.
    pub async fn send(&mut self, request: &[u8]) -> io::Result<Response> {
        let result = self.exchange(request).await;
        if result.is_err() {
            self.stream = None;
            self.buf.clear();
        }
        result
    }

    async fn exchange(&mut self, request: &[u8]) -> io::Result<Response> {
        if self.stream.is_none() {
            let stream = TcpStream::connect(self.addr).await?;
            stream.set_nodelay(true)?;
            self.stream = Some(stream);
            self.buf.clear();
        }
        let Some(stream) = self.stream.as_mut() else {
            return Err(broken("not connected"));
        };
        stream.write_all(request).await?;
        let head_end = loop {
            if let Some(pos) = find(&self.buf, b"\r\n\r\n") {
                break pos + 4;
            }
            fill(stream, &mut self.buf).await?;
        };
        let head = std::str::from_utf8(&self.buf[..head_end]).map_err(|_| broken("head"))?;
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| broken("status line"))?;
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let get = |name: &str| headers.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        let chunked = get("transfer-encoding").is_some_and(|v| v.contains("chunked"));
        let close = get("connection").is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let length: Option<usize> = get("content-length").and_then(|v| v.parse().ok());
        let body = if chunked {
            read_chunked(stream, &mut self.buf, head_end).await?
        } else {
            let length = length.unwrap_or(0);
            while self.buf.len() < head_end + length {
                fill(stream, &mut self.buf).await?;
            }
            let body = self.buf[head_end..head_end + length].to_vec();
            self.buf.drain(..head_end + length);
            body
        };
        if close {
            self.stream = None;
        }
        Ok(Response {
            status,
            headers,
            body,
            head_bytes: head_end,
        })
    }
}

async fn fill(stream: &mut TcpStream, buf: &mut Vec<u8>) -> io::Result<()> {
    let mut chunk = [0u8; 32 * 1024];
    let n = stream.read(&mut chunk).await?;
    if n == 0 {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "server closed the connection",
        ));
    }
    buf.extend_from_slice(&chunk[..n]);
    Ok(())
}

/// Decode a chunked body that starts at `at` in `buf`; drain everything consumed.
async fn read_chunked(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    mut at: usize,
) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = loop {
            if let Some(pos) = find(&buf[at..], b"\r\n") {
                break at + pos;
            }
            fill(stream, buf).await?;
        };
        let size_text = std::str::from_utf8(&buf[at..line_end]).map_err(|_| broken("chunk"))?;
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| broken("chunk size"))?;
        at = line_end + 2;
        if size == 0 {
            // No trailers from our servers: the last chunk is followed by one empty line.
            while buf.len() < at + 2 {
                fill(stream, buf).await?;
            }
            buf.drain(..at + 2);
            return Ok(body);
        }
        while buf.len() < at + size + 2 {
            fill(stream, buf).await?;
        }
        body.extend_from_slice(&buf[at..at + size]);
        at += size + 2;
    }
}

/// `GET path` with extra header lines (each ending in `\r\n`).
pub fn get(addr: SocketAddr, path: &str, extra: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nhost: {addr}\r\n{extra}\r\n").into_bytes()
}

/// `POST path` with a JSON body and, when given, a bearer token.
pub fn post_json(addr: SocketAddr, path: &str, token: Option<&str>, body: &str) -> Vec<u8> {
    let auth = token
        .map(|t| format!("authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    format!(
        "POST {path} HTTP/1.1\r\nhost: {addr}\r\n{auth}content-type: application/json\r\n\
         content-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}
