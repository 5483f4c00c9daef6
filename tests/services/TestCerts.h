#pragma once
// Test certificates made at test time with OpenSSL's C API (EC P-256 keys, X.509 v3), written as PEM files into a
// temporary directory that is removed with the object.

#include <filesystem>
#include <string>
#include <vector>

namespace modelguard::test {

struct CertFiles
{
    std::string certFile; ///< PEM certificate
    std::string keyFile;  ///< PEM private key (unencrypted)
};

class TestPki
{
public:
    TestPki();
    ~TestPki();
    TestPki(const TestPki&) = delete;
    TestPki& operator=(const TestPki&) = delete;

    /// A self-signed certificate (CA:TRUE, so that it also serves as its own trust anchor) for a server, with
    /// subjectAltName entries such as "DNS:localhost", "IP:127.0.0.1".
    CertFiles selfSigned(const std::string& name, const std::string& commonName,
                         const std::vector<std::string>& altNames);
    /// A certificate authority (self-signed, CA:TRUE, keyCertSign).
    CertFiles authority(const std::string& name, const std::string& commonName);
    /// A leaf certificate (CA:FALSE) signed by `issuer`, for a TLS client (extendedKeyUsage clientAuth).
    CertFiles clientSignedBy(const CertFiles& issuer, const std::string& name, const std::string& commonName,
                             const std::string& organization);

    const std::filesystem::path& directory() const { return m_dir; }

private:
    std::filesystem::path m_dir;
    long m_serial = 1;
};

} // namespace modelguard::test
