"""The clinic's signing identity: a private key and its X.509 certificate, kept as files.

Counsel signs each sealed record, each audit checkpoint and each stored PDF with it, so a
record forged by someone who can write the database but does not hold this key fails
``records verify``. At first start Counsel makes a self-signed certificate in the clinic's
name; a clinic with its own certificate authority imports a PKCS#12 file instead. Every
certificate ever used stays in ``certificates/``, so records signed before a rotation still
verify and verify can say which certificate signed each one.

The folder (``clinic-key`` beside the records database) is owner-only, and every file in it
is created 0600 from the start: the private key is never readable by anyone else, even
briefly. Qt-free.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from counsel.core.atomic_file import write_bytes_atomically

KEY_FOLDER = "clinic-key"
KEY_FILE = "signing-key.pem"
CERTIFICATE_FILE = "signing-certificate.pem"  # the signing certificate, then its issuers
CERTIFICATES = "certificates"  # every signing certificate ever used, by fingerprint
TIMESTAMP_AUTHORITIES = "timestamp-authorities"  # roots of the time-stamp authority, if one
MAKING_LOCK = "making-key.lock"  # held while the first key is made
SIGNING_BEGAN = "signing-began"  # the first audit entry the store beside it had to sign
DEFAULT_NAME = "Counsel clinic"
VALID_FOR = dt.timedelta(days=3650)  # ten years; rotate sooner by choice, never forced

SigningKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


class ClinicKeyError(Exception):
    """The clinic key cannot be used; the message (one sentence, no final stop, as the Done
    screen adds its own) says where it is and what to do."""


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER bytes, in hex: what records name their signer by."""
    return certificate.fingerprint(hashes.SHA256()).hex()


def describe(certificate: x509.Certificate) -> str:
    """One line a person can match: its name, when it is valid, its fingerprint."""
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    name = str(names[0].value) if names else certificate.subject.rfc4514_string()
    start = certificate.not_valid_before_utc.date().isoformat()
    end = certificate.not_valid_after_utc.date().isoformat()
    return f"{name}, valid {start} to {end}, SHA-256 {fingerprint(certificate)}"


@dataclass(frozen=True)
class ClinicIdentity:
    """The private key and the certificate it signs as (with its issuers, if any)."""

    key: SigningKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    def key_pem(self) -> bytes:
        return self.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),  # protected by the owner-only folder and file mode
        )

    def chain_pem(self) -> bytes:
        """The signing certificate, then its issuers."""
        return b"".join(_pem(c) for c in (self.certificate, *self.chain))

    @classmethod
    def from_pem(cls, key_pem: bytes, chain_pem: bytes) -> ClinicIdentity:
        """Raises ``ValueError`` for what is not a key and its certificates."""
        key = serialization.load_pem_private_key(key_pem, password=None)
        certificates = x509.load_pem_x509_certificates(chain_pem)
        if not isinstance(key, SigningKey):
            raise ValueError("neither an EC nor an RSA key")
        return cls(key, certificates[0], tuple(certificates[1:]))

    def __reduce__(self) -> tuple[object, tuple[bytes, bytes]]:
        """Pickled as PEM (the key objects cannot be), for the window's PDF worker to sign
        with it over the pipe between them."""
        return ClinicIdentity.from_pem, (self.key_pem(), self.chain_pem())

    def sign(self, data: bytes) -> bytes:
        if isinstance(self.key, rsa.RSAPrivateKey):
            return self.key.sign(data, padding.PKCS1v15(), hashes.SHA256())
        return self.key.sign(data, ECDSA_SHA256)


#: One for every signature: verify checks one for each sealed record.
ECDSA_SHA256 = ec.ECDSA(hashes.SHA256())


def signature_is_valid(public: CertificatePublicKeyTypes, data: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is the certificate key's (its ``public_key()``) over ``data``."""
    try:
        if isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, data, ECDSA_SHA256)
        else:
            return False
    except InvalidSignature:
        return False
    return True


def self_signed(name: str, now: dt.datetime | None = None) -> ClinicIdentity:
    """A new P-256 key and a certificate in ``name``, for signing documents (not a CA)."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
        ]
    )
    start = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(minutes=5)  # clocks differ a little
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + VALID_FOR)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )
    return ClinicIdentity(key, certificate)


def _pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


class Keyring:
    """The clinic key folder: the identity signing now, and every certificate ever used."""

    def __init__(self, folder: Path, name: str = DEFAULT_NAME) -> None:
        self.folder = Path(folder)
        self.name = name or DEFAULT_NAME  # the certificate's name, when one is made here
        self._identity: ClinicIdentity | None = None
        self._began_noted = False

    @property
    def key_path(self) -> Path:
        return self.folder / KEY_FILE

    def identity(self) -> ClinicIdentity:
        """The identity to sign with, made at first use; a missing or unreadable key is a
        ``ClinicKeyError``, never silently replaced (records signed with it would orphan)."""
        if self._identity is None:
            if not self._complete() and not self.certificates():
                with self._making():  # another connection may be making it right now
                    if not self._complete() and not self.certificates():
                        self.install(self_signed(self.name))
            self._identity = self._read()
        return self._identity

    def _complete(self) -> bool:
        """Key and certificate both written (``install`` lists the certificate last, so a
        key being made is either complete here or not listed yet)."""
        return self.key_path.exists() and (self.folder / CERTIFICATE_FILE).exists()

    @contextmanager
    def _making(self) -> Iterator[None]:
        """Hold the folder's lock while the first key is made: one key, whoever comes first."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = os.open(self.folder / MAKING_LOCK, os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield
        finally:
            os.close(lock)

    def _read(self) -> ClinicIdentity:
        where = self.folder
        try:
            return ClinicIdentity.from_pem(
                self.key_path.read_bytes(), (self.folder / CERTIFICATE_FILE).read_bytes()
            )
        except FileNotFoundError as error:
            raise ClinicKeyError(
                f"The clinic key is missing from {where} ({Path(str(error.filename)).name});"
                " restore the clinic-key folder from the backup, or start a new key with"
                " 'counsel records key rotate'"
            ) from None
        except PermissionError:
            raise ClinicKeyError(
                f"The clinic key in {where} cannot be read by this account"
                " (it must belong to the account Counsel runs as, mode 0600)"
            ) from None
        except (ValueError, TypeError, OSError) as error:
            raise ClinicKeyError(
                f"The clinic key in {where} is damaged ({error}); restore it from the backup"
            ) from None

    def install(self, identity: ClinicIdentity) -> None:
        """Make ``identity`` the one that signs from now on; earlier certificates stay."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.folder.chmod(0o700)
        (self.folder / CERTIFICATES).mkdir(mode=0o700, exist_ok=True)
        # created 0600 (mkstemp), then renamed
        write_bytes_atomically(self.key_path, identity.key_pem())
        write_bytes_atomically(self.folder / CERTIFICATE_FILE, identity.chain_pem())
        write_bytes_atomically(  # listed last: a listed certificate's key is in place
            self.folder / CERTIFICATES / f"{identity.fingerprint}.pem", _pem(identity.certificate)
        )
        self._identity = None

    def signing_began(self) -> int | None:
        """Where the records store beside this key began signing, noted outside the database,
        so editing the database cannot pass signed entries off as older, unsigned ones."""
        try:
            return int((self.folder / SIGNING_BEGAN).read_text())
        except (OSError, ValueError):
            return None

    def note_signing_began(self, seq: int) -> None:
        if not self._began_noted and self.signing_began() is None:
            write_bytes_atomically(self.folder / SIGNING_BEGAN, str(seq).encode())
        self._began_noted = True

    def certificates(self) -> dict[str, x509.Certificate]:
        """Every certificate this clinic has signed with, by fingerprint: what verify trusts.
        An unreadable file is left out (verify then names the record it signed)."""
        return self._certificates_in(CERTIFICATES)

    def trust(self, certificate: x509.Certificate) -> None:
        """Check what ``certificate`` signed from now on, without its key (a computer that
        only verifies, such as the records office's)."""
        self._keep(CERTIFICATES, certificate)

    def timestamp_authorities(self) -> tuple[x509.Certificate, ...]:
        """The certificates a time stamp in a signed PDF is trusted by (put there by hand,
        or with ``trust_timestamp_authority``)."""
        return tuple(self._certificates_in(TIMESTAMP_AUTHORITIES).values())

    def trust_timestamp_authority(self, certificate: x509.Certificate) -> None:
        """Trust the time stamps ``certificate`` (an authority's, or one above it) vouches for."""
        self._keep(TIMESTAMP_AUTHORITIES, certificate)

    def _keep(self, subfolder: str, certificate: x509.Certificate) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        (self.folder / subfolder).mkdir(mode=0o700, exist_ok=True)
        write_bytes_atomically(
            self.folder / subfolder / f"{fingerprint(certificate)}.pem", _pem(certificate)
        )

    def _certificates_in(self, subfolder: str) -> dict[str, x509.Certificate]:
        found = {}
        for path in sorted((self.folder / subfolder).glob("*.pem")):
            try:
                certificate = x509.load_pem_x509_certificate(path.read_bytes())
            except (OSError, ValueError):
                continue
            found[fingerprint(certificate)] = certificate
        return found

    def import_pkcs12(self, data: bytes, password: bytes | None) -> ClinicIdentity:
        """Sign from now on with the key and certificate of a PKCS#12 file (the clinic's CA)."""
        try:
            key, certificate, issuers = pkcs12.load_key_and_certificates(data, password)
        except ValueError:
            raise ClinicKeyError(
                "The PKCS#12 file cannot be opened: wrong password or not a PKCS#12 file"
            ) from None
        if certificate is None or not isinstance(key, SigningKey):
            raise ClinicKeyError(
                "The PKCS#12 file must hold one EC or RSA private key and its certificate"
            )
        identity = ClinicIdentity(key, certificate, tuple(issuers))
        self.install(identity)
        return identity

    def rotate(self) -> ClinicIdentity:
        """A new self-signed identity in the clinic's name; the old certificates stay."""
        identity = self_signed(self.name)
        self.install(identity)
        return identity
