//! A strict reader for `application/x-www-form-urlencoded` bodies. Browsers send these for every
//! child and staff form. Unlike a lossy decoder it refuses invalid UTF-8 and control characters
//! (400), other content types (415) and oversized bodies (413), so nothing odd reaches the store.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_TYPE;
use percent_encoding::percent_decode;

use crate::error::WebError;

/// The fields of a form post, in order, repeated names kept.
#[derive(Debug, Default, Clone)]
pub struct FormFields(Vec<(String, String)>);

impl FormFields {
    pub fn parse(body: &[u8]) -> Result<Self, WebError> {
        let mut fields = Vec::new();
        for pair in body.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
            let mut parts = pair.splitn(2, |b| *b == b'=');
            let name = decode(parts.next().unwrap_or_default())?;
            let value = decode(parts.next().unwrap_or_default())?;
            fields.push((name, value));
        }
        Ok(Self(fields))
    }

    /// Every field as sent, to show a form again with what was typed.
    pub fn pairs(&self) -> Vec<(String, String)> {
        self.0.clone()
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

fn decode(raw: &[u8]) -> Result<String, WebError> {
    let plus_as_space: Vec<u8> = raw
        .iter()
        .map(|b| if *b == b'+' { b' ' } else { *b })
        .collect();
    let bytes: Vec<u8> = percent_decode(&plus_as_space).collect();
    let text = String::from_utf8(bytes).map_err(|_| WebError::BadRequest("error-bad-text"))?;
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(WebError::BadRequest("error-bad-text"));
    }
    Ok(text)
}

impl<S: Send + Sync> FromRequest<S> for FormFields {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_form = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(';').next().is_some_and(|m| {
                    m.trim()
                        .eq_ignore_ascii_case("application/x-www-form-urlencoded")
                })
            });
        if !is_form {
            return Err(WebError::UnsupportedMediaType);
        }
        let body = Bytes::from_request(req, state).await.map_err(|rejection| {
            match rejection.status().as_u16() {
                413 => WebError::TooLarge,
                _ => WebError::BadRequest("error-bad-request"),
            }
        })?;
        Self::parse(&body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_decoded_and_repeats_kept() {
        let f = FormFields::parse(b"step=age&value=1+2&value=%C3%A9t%C3%A9&empty=&bare").unwrap();
        assert_eq!(f.get("step"), Some("age"));
        assert_eq!(f.all("value"), vec!["1 2".to_owned(), "été".to_owned()]);
        assert_eq!(f.get("empty"), Some(""));
        assert_eq!(f.get("bare"), Some(""));
        assert_eq!(f.get("missing"), None);
    }

    #[test]
    fn invalid_text_is_refused() {
        for body in [
            &b"value=%FF%FE"[..],
            b"value=a%00b",
            b"v\xff=1",
            b"value=%1B[31m",
        ] {
            assert!(FormFields::parse(body).is_err(), "{body:?}");
        }
        assert!(FormFields::parse(b"value=line%0D%0Aline%09tab").is_ok());
    }
}
