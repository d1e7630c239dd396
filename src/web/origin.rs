//! Which state-changing requests may come in: only those from our own pages. The staff session
//! cookie is `SameSite=Lax`, so the browser keeps it off posts from other sites, and every staff
//! form carries a CSRF token; this check is the layer under both. It compares the whole origin
//! (scheme, host and port) with the configured public URL, so a page on `http://` cannot post to
//! the `https://` service, and `Origin: null` (a sandboxed frame, a `data:` page, a redirect
//! through another site) is refused.
//!
//! Without `Origin` the `Referer`'s origin is compared instead. With neither, a request that
//! carries a live staff session is refused: every browser in use sends `Origin` on a post, so
//! such a request did not come from a staff member's page. One without a session (a script, a
//! test client, the child's pages from a tool) is let through: it acts for nobody signed in,
//! and the child's own cookie is `SameSite=Strict`. (A store error counts as signed in.) The JSON API is not checked here:
//! it uses bearer tokens, which browsers never send by themselves, and has its own CORS list.

/// Why a request was refused (for the log line; the person sees one kind page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// `Sec-Fetch-Site` says another site (or a sibling subdomain) sent it.
    OtherSite,
    /// `Origin` (or the `Referer`'s origin) is not ours, or is `null`.
    WrongOrigin,
    /// Signed in, yet neither `Origin` nor `Referer`.
    NoOrigin,
}

/// What the check reads from a request.
#[derive(Debug, Clone, Copy, Default)]
pub struct Seen<'a> {
    pub sec_fetch_site: Option<&'a str>,
    pub origin: Option<&'a str>,
    pub referer: Option<&'a str>,
    pub signed_in: bool,
}

/// `scheme://host[:port]` of an absolute http(s) URL, lower case, without a default port;
/// `None` for anything else (`null`, a relative path, another scheme, user info).
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => ":80",
        "https" => ":443",
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') || authority.contains('\\') {
        return None;
    }
    let authority = authority.to_ascii_lowercase();
    let authority = authority
        .strip_suffix(default_port)
        .unwrap_or(&authority)
        .to_owned();
    Some(format!("{scheme}://{authority}"))
}

/// Whether a state-changing request may go on, given our public origin.
pub fn judge(public_origin: &str, seen: Seen<'_>) -> Result<(), Refusal> {
    if let Some(site) = seen.sec_fetch_site
        && (site.eq_ignore_ascii_case("cross-site") || site.eq_ignore_ascii_case("same-site"))
    {
        return Err(Refusal::OtherSite);
    }
    let claimed = match (seen.origin, seen.referer) {
        (Some(origin), _) => origin,
        (None, Some(referer)) => referer,
        (None, None) if seen.signed_in => return Err(Refusal::NoOrigin),
        (None, None) => return Ok(()),
    };
    if origin_of(claimed.trim()).as_deref() == Some(public_origin) {
        Ok(())
    } else {
        Err(Refusal::WrongOrigin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_compared_whole() {
        let ours = origin_of("https://hys.council.gov.uk").unwrap();
        assert_eq!(ours, "https://hys.council.gov.uk");
        let seen = |origin: Option<&'static str>, referer: Option<&'static str>, cookie| Seen {
            origin,
            referer,
            signed_in: cookie,
            ..Seen::default()
        };
        let table: &[(Seen<'_>, Result<(), Refusal>)] = &[
            (seen(Some("https://hys.council.gov.uk"), None, true), Ok(())),
            (
                seen(Some("https://HYS.council.gov.uk:443"), None, true),
                Ok(()),
            ),
            (
                seen(Some("http://hys.council.gov.uk"), None, true),
                Err(Refusal::WrongOrigin),
            ),
            (
                seen(Some("https://hys.council.gov.uk:8443"), None, true),
                Err(Refusal::WrongOrigin),
            ),
            (
                seen(Some("https://hys.council.gov.uk.evil.example"), None, false),
                Err(Refusal::WrongOrigin),
            ),
            (
                seen(Some("https://evil.example"), None, false),
                Err(Refusal::WrongOrigin),
            ),
            (seen(Some("null"), None, false), Err(Refusal::WrongOrigin)),
            (seen(Some(""), None, false), Err(Refusal::WrongOrigin)),
            (
                seen(
                    None,
                    Some("https://hys.council.gov.uk/staff/cases/HYS-7K4P-Q2MX"),
                    true,
                ),
                Ok(()),
            ),
            (
                seen(None, Some("https://evil.example/hys.council.gov.uk"), true),
                Err(Refusal::WrongOrigin),
            ),
            (
                seen(None, Some("https://user@hys.council.gov.uk/"), true),
                Err(Refusal::WrongOrigin),
            ),
            (seen(None, None, true), Err(Refusal::NoOrigin)),
            (seen(None, None, false), Ok(())),
        ];
        for (seen, want) in table {
            assert_eq!(judge(&ours, *seen), *want, "{seen:?}");
        }
    }

    #[test]
    fn another_site_is_refused_whatever_it_claims() {
        let ours = origin_of("http://127.0.0.1:8080/").unwrap();
        assert_eq!(ours, "http://127.0.0.1:8080");
        for site in ["cross-site", "same-site"] {
            let seen = Seen {
                sec_fetch_site: Some(site),
                origin: Some("http://127.0.0.1:8080"),
                ..Seen::default()
            };
            assert_eq!(judge(&ours, seen), Err(Refusal::OtherSite));
        }
        let own = Seen {
            sec_fetch_site: Some("same-origin"),
            origin: Some("http://127.0.0.1:8080"),
            ..Seen::default()
        };
        assert_eq!(judge(&ours, own), Ok(()));
        assert_eq!(origin_of("ftp://127.0.0.1"), None);
        assert_eq!(origin_of("/staff"), None);
    }
}
