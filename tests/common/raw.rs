//! One raw HTTP/1.1 connection, for what a client library hides: slow
//! clients, kept-alive connections, `Expect`, closing. Responses are read
//! with httparse, the parser actix itself reads requests with.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

pub struct Conn {
    stream: TcpStream,
    buffer: Vec<u8>,
}

/// A response read off a raw connection.
#[derive(Debug)]
pub struct Raw {
    pub status: u16,
    /// Every header, `name: value` a line.
    pub head: String,
    pub body: String,
}

impl Raw {
    /// A header's value (names compared without case).
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    }
}

/// A response head parsed from the start of `bytes`: its length, status,
/// headers and declared body length, or `None` if it is not all there yet.
fn parse_head(bytes: &[u8]) -> Option<(usize, u16, String, usize)> {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut response = httparse::Response::new(&mut headers);
    let httparse::Status::Complete(length) = response.parse(bytes).expect("an HTTP response")
    else {
        return None;
    };
    let status = response.code.unwrap_or(0);
    let mut head = format!(
        "HTTP/1.{} {status} {}",
        response.version.unwrap_or(1),
        response.reason.unwrap_or("")
    );
    let mut body = 0;
    for h in response.headers.iter() {
        let value = String::from_utf8_lossy(h.value);
        if h.name.eq_ignore_ascii_case("content-length") {
            body = value.trim().parse().unwrap_or(0);
        }
        head.push_str(&format!("\r\n{}: {value}", h.name));
    }
    // 1xx answers have no body.
    let body = if status < 200 { 0 } else { body };
    Some((length, status, head, body))
}

impl Conn {
    pub fn open(address: &str) -> Conn {
        let stream = TcpStream::connect(address.trim_start_matches("http://")).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        Conn {
            stream,
            buffer: Vec::new(),
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).unwrap();
    }

    /// The next whole response, or `None` if the server closed the connection first.
    pub fn response(&mut self) -> Option<Raw> {
        loop {
            if let Some((length, status, head, body)) = parse_head(&self.buffer)
                && self.buffer.len() >= length + body
            {
                let text =
                    String::from_utf8_lossy(&self.buffer[length..length + body]).into_owned();
                self.buffer.drain(..length + body);
                return Some(Raw {
                    status,
                    head,
                    body: text,
                });
            }
            let mut chunk = [0u8; 8192];
            match self.stream.read(&mut chunk) {
                Ok(0) | Err(_) => return None,
                Ok(n) => self.buffer.extend_from_slice(&chunk[..n]),
            }
        }
    }

    /// Whether the server closes the connection within `wait` (and sends nothing more).
    pub fn closes_within(&mut self, wait: Duration) -> bool {
        self.stream.set_read_timeout(Some(wait)).unwrap();
        let mut chunk = [0u8; 256];
        let closed = match self.stream.read(&mut chunk) {
            Ok(0) => true,
            Ok(_) => false,
            Err(e) => e.kind() == std::io::ErrorKind::ConnectionReset,
        };
        self.stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        closed
    }
}
