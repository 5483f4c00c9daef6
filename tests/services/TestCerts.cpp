#include "tests/services/TestCerts.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>
#include <random>
#include <stdexcept>

namespace modelguard::test {

namespace {

struct KeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CertDeleter
{
    void operator()(X509* cert) const { X509_free(cert); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using CertPtr = std::unique_ptr<X509, CertDeleter>;

void check(bool ok, const char* what)
{
    if (!ok) {
        throw std::runtime_error(std::string("test PKI: ") + what + " failed");
    }
}

KeyPtr newKey()
{
    KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    check(key != nullptr, "EC key generation");
    return key;
}

void addName(X509_NAME* name, const char* field, const std::string& value)
{
    check(X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(value.c_str()),
                                     -1, -1, 0)
              == 1,
          "X509_NAME_add_entry_by_txt");
}

void addExtension(X509* cert, X509* issuer, int nid, const std::string& value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
    check(extension != nullptr, "X509V3_EXT_conf_nid");
    X509_add_ext(cert, extension, -1);
    X509_EXTENSION_free(extension);
}

/// Subject key `key`, signed by issuerKey; issuerCert null = self-signed.
CertPtr makeCert(EVP_PKEY* key, EVP_PKEY* issuerKey, X509* issuerCert, long serial, const std::string& commonName,
                 const std::string& organization)
{
    CertPtr cert(X509_new());
    check(cert != nullptr, "X509_new");
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
    check(X509_set_pubkey(cert.get(), key) == 1, "X509_set_pubkey");
    X509_NAME* name = X509_get_subject_name(cert.get());
    if (!organization.empty()) {
        addName(name, "O", organization);
    }
    addName(name, "CN", commonName);
    check(X509_set_issuer_name(cert.get(), issuerCert ? X509_get_subject_name(issuerCert) : name) == 1,
          "X509_set_issuer_name");
    (void)issuerKey;
    return cert;
}

void sign(X509* cert, EVP_PKEY* issuerKey)
{
    check(X509_sign(cert, issuerKey, EVP_sha256()) > 0, "X509_sign");
}

void writeFiles(const std::filesystem::path& dir, const std::string& name, X509* cert, EVP_PKEY* key, CertFiles& files)
{
    files.certFile = (dir / (name + ".crt")).string();
    files.keyFile = (dir / (name + ".key")).string();
    FILE* out = std::fopen(files.certFile.c_str(), "w");
    check(out != nullptr, "open certificate file");
    const bool certOk = PEM_write_X509(out, cert) == 1;
    std::fclose(out);
    check(certOk, "PEM_write_X509");
    out = std::fopen(files.keyFile.c_str(), "w");
    check(out != nullptr, "open key file");
    const bool keyOk = PEM_write_PrivateKey(out, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    std::fclose(out);
    check(keyOk, "PEM_write_PrivateKey");
}

template <class T, class Reader>
T readPem(const std::string& path, Reader reader)
{
    FILE* in = std::fopen(path.c_str(), "r");
    check(in != nullptr, "open PEM file");
    T value(reader(in, nullptr, nullptr, nullptr));
    std::fclose(in);
    check(value != nullptr, "PEM read");
    return value;
}

} // namespace

TestPki::TestPki()
{
    std::random_device random;
    m_dir = std::filesystem::temp_directory_path() / ("mg-pki-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(m_dir);
}

TestPki::~TestPki()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
}

CertFiles TestPki::selfSigned(const std::string& name, const std::string& commonName,
                              const std::vector<std::string>& altNames)
{
    KeyPtr key = newKey();
    CertPtr cert = makeCert(key.get(), key.get(), nullptr, m_serial++, commonName, "ModelGuard Test");
    addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    addExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
    std::string alt;
    for (const std::string& entry : altNames) {
        alt += (alt.empty() ? "" : ",") + entry;
    }
    if (!alt.empty()) {
        addExtension(cert.get(), cert.get(), NID_subject_alt_name, alt);
    }
    sign(cert.get(), key.get());
    CertFiles files;
    writeFiles(m_dir, name, cert.get(), key.get(), files);
    return files;
}

CertFiles TestPki::authority(const std::string& name, const std::string& commonName)
{
    KeyPtr key = newKey();
    CertPtr cert = makeCert(key.get(), key.get(), nullptr, m_serial++, commonName, "ModelGuard Test");
    addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    addExtension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
    addExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
    sign(cert.get(), key.get());
    CertFiles files;
    writeFiles(m_dir, name, cert.get(), key.get(), files);
    return files;
}

CertFiles TestPki::clientSignedBy(const CertFiles& issuer, const std::string& name, const std::string& commonName,
                                  const std::string& organization)
{
    CertPtr issuerCert = readPem<CertPtr>(issuer.certFile, PEM_read_X509);
    KeyPtr issuerKey = readPem<KeyPtr>(issuer.keyFile, PEM_read_PrivateKey);
    KeyPtr key = newKey();
    CertPtr cert = makeCert(key.get(), issuerKey.get(), issuerCert.get(), m_serial++, commonName, organization);
    addExtension(cert.get(), issuerCert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), issuerCert.get(), NID_key_usage, "critical,digitalSignature");
    addExtension(cert.get(), issuerCert.get(), NID_ext_key_usage, "clientAuth");
    sign(cert.get(), issuerKey.get());
    CertFiles files;
    writeFiles(m_dir, name, cert.get(), key.get(), files);
    return files;
}

} // namespace modelguard::test
