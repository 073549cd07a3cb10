//! A minimal ZIP writer (stored entries, no compression) for exports that need several files,
//! such as brat's `.txt` + `.ann` per document. Names are UTF-8 (flag bit 11). No offsets here.
//! Without ZIP64, an archive holds at most 65,535 files with names of at most 65,535 bytes and
//! 4 GiB in all; past that it is refused rather than written wrong.

use super::format_error::ExportError;

/// Most files, and longest name in bytes, a ZIP without ZIP64 holds.
const MOST: usize = u16::MAX as usize;

/// CRC-32 (IEEE 802.3, as ZIP uses it) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

fn push_u16(out: &mut Vec<u8>, value: usize) {
    out.extend_from_slice(&(value as u16).to_le_bytes());
}

fn push_u32(out: &mut Vec<u8>, value: usize) {
    out.extend_from_slice(&(value as u32).to_le_bytes());
}

/// A ZIP archive of (name, content) files, in order; refused if it would need ZIP64.
pub fn zip<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<Vec<u8>, ExportError> {
    const UTF8_NAMES: usize = 1 << 11;
    // 1980-01-01 00:00, the earliest date ZIP can say; the same bytes for the same files.
    const DOS_DATE: usize = (1 << 5) | 1;
    let mut out = Vec::new();
    let mut directory = Vec::new();
    let mut count = 0;
    for (name, content) in files {
        if name.len() > MOST {
            return Err(ExportError::ZipTooLarge(format!(
                "a file name of {} bytes",
                name.len()
            )));
        }
        if count == MOST {
            return Err(ExportError::ZipTooLarge(format!("over {MOST} files")));
        }
        let offset = out.len();
        let crc = crc32(content) as usize;
        let common = |record: &mut Vec<u8>| {
            push_u16(record, 20); // version needed: 2.0
            push_u16(record, UTF8_NAMES);
            push_u16(record, 0); // stored
            push_u16(record, 0); // time
            push_u16(record, DOS_DATE);
            push_u32(record, crc);
            push_u32(record, content.len());
            push_u32(record, content.len());
            push_u16(record, name.len());
            push_u16(record, 0); // extra field length
        };
        push_u32(&mut out, 0x0403_4b50);
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(content);

        push_u32(&mut directory, 0x0201_4b50);
        push_u16(&mut directory, 20); // made by: 2.0
        common(&mut directory);
        push_u16(&mut directory, 0); // comment length
        push_u16(&mut directory, 0); // disk
        push_u16(&mut directory, 0); // internal attributes
        push_u32(&mut directory, 0); // external attributes
        push_u32(&mut directory, offset);
        directory.extend_from_slice(name.as_bytes());
        count += 1;
    }
    let directory_offset = out.len();
    out.extend_from_slice(&directory);
    push_u32(&mut out, 0x0605_4b50);
    push_u16(&mut out, 0);
    push_u16(&mut out, 0);
    push_u16(&mut out, count);
    push_u16(&mut out, count);
    push_u32(&mut out, directory.len());
    push_u32(&mut out, directory_offset);
    push_u16(&mut out, 0);
    if out.len() > u32::MAX as usize {
        return Err(ExportError::ZipTooLarge("over 4 GiB".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn entries_are_stored_with_their_names_and_a_central_directory() {
        let archive = zip([
            ("a.txt", "Bagheri 😀".as_bytes()),
            ("b/ü.ann", b"T1".as_slice()),
        ])
        .expect("written");
        assert_eq!(&archive[..4], b"PK\x03\x04");
        let name_at = 30;
        assert_eq!(&archive[name_at..name_at + 5], b"a.txt");
        let content = &archive[name_at + 5..name_at + 5 + "Bagheri 😀".len()];
        assert_eq!(content, "Bagheri 😀".as_bytes());
        let end = &archive[archive.len() - 22..];
        assert_eq!(&end[..4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2, "two entries");
        let directory_at = u32::from_le_bytes([end[16], end[17], end[18], end[19]]) as usize;
        assert_eq!(&archive[directory_at..directory_at + 4], b"PK\x01\x02");
        let crc_at = directory_at + 16;
        let crc = u32::from_le_bytes(archive[crc_at..crc_at + 4].try_into().expect("4 bytes"));
        assert_eq!(crc, crc32("Bagheri 😀".as_bytes()));
    }

    #[test]
    fn archives_that_would_need_zip64_are_refused() {
        let long = "n".repeat(MOST + 1);
        assert!(matches!(
            zip([(long.as_str(), b"".as_slice())]),
            Err(ExportError::ZipTooLarge(_))
        ));
        let names: Vec<String> = (0..=MOST).map(|i| format!("{i}.txt")).collect();
        let refused = zip(names.iter().map(|name| (name.as_str(), b"".as_slice())));
        assert_eq!(
            refused.map(|_| ()).map_err(|e| e.to_string()),
            Err(
                "the ZIP archive would hold over 65535 files, more than a ZIP without ZIP64 \
                 can; export fewer documents at a time"
                    .into()
            )
        );
        let most = zip(names[..MOST]
            .iter()
            .map(|name| (name.as_str(), b"".as_slice())));
        let archive = most.expect("65,535 files fit");
        let end = &archive[archive.len() - 22..];
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), u16::MAX);
    }
}
