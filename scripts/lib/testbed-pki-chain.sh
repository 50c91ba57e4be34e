# shellcheck shell=bash
# The testbed's second PKI, for the FreeRADIUS backend: the testbed CA (ca.pem, the root every profile already
# trusts) signs an intermediate CA, which signs FreeRADIUS's server certificate and the client certificates below.
# Sourced by scripts/testbed after lib/testbed-common.sh; gen_pki_chain runs after gen_pki (it needs ca.pem/ca.key).
#
#   intermediate.pem            "eapolctl Testbed Intermediate CA", issued by the root
#   radius-server.pem/.key      CN/SAN = TB_SERVER_NAME, issued by the intermediate
#   radius-server-chain.pem     radius-server.pem + intermediate.pem (what a correct server sends)
#   chain-client.p12            TB_TLS_USER, issued by the intermediate (p12 carries the intermediate)
#   expired-client.p12          TB_TLS_EXPIRED_USER, validity ended in 2020
#   revoked-client.p12          TB_TLS_REVOKED_USER, valid but revoked in the intermediate's CRL
#   capath/                     root + intermediate + both CRLs, hashed (FreeRADIUS ca_path with check_crl)
# The PKCS#12 bundles share one passphrase file, chain-client.p12.pass. Keys are ECDSA P-256 (fast to make on a
# busy 2-core machine; the internal backend's RSA certificates keep covering RSA).

# ca_conf DIR CERT KEY: an `openssl ca` configuration for the CA in DIR (index, serial, CRL number).
tb_ca_conf() {
  local dir=$1 cert=$2 key=$3
  mkdir -p "$dir/newcerts"
  : >"$dir/index.txt"
  echo 1000 >"$dir/serial"
  echo 1000 >"$dir/crlnumber"
  cat >"$dir/ca.cnf" <<EOF
[ ca ]
default_ca = tb
[ tb ]
dir = $dir
database = \$dir/index.txt
new_certs_dir = \$dir/newcerts
serial = \$dir/serial
crlnumber = \$dir/crlnumber
certificate = $cert
private_key = $key
default_md = sha256
default_days = 30
default_crl_days = 30
policy = anything
unique_subject = no
copy_extensions = none
[ anything ]
organizationName = optional
commonName = supplied
EOF
}

gen_pki_chain() {
  local d=$TB_PKI
  (
    set -e
    umask 077
    cd "$d"
    pass=$(cat client.p12.pass)
    printf '%s' "$pass" >chain-client.p12.pass
    # Intermediate CA, issued by the root.
    cat >intermediate.ext <<EXT
basicConstraints=critical,CA:TRUE,pathlen:0
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid,issuer
EXT
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -keyout intermediate.key -out intermediate.csr \
      -subj "/O=eapolctl testbed/CN=$TB_INTERMEDIATE_CN" 2>/dev/null
    openssl x509 -req -in intermediate.csr -CA ca.pem -CAkey ca.key -CAcreateserial -sha256 -days 30 \
      -extfile intermediate.ext -out intermediate.pem 2>/dev/null
    tb_ca_conf "$d/rootca" "$d/ca.pem" "$d/ca.key"
    tb_ca_conf "$d/intca" "$d/intermediate.pem" "$d/intermediate.key"
    # FreeRADIUS's server certificate, issued by the intermediate (same name as hostapd's).
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -keyout radius-server.key -out radius-server.csr \
      -subj "/O=eapolctl testbed/CN=$TB_SERVER_NAME" 2>/dev/null
    openssl x509 -req -in radius-server.csr -CA intermediate.pem -CAkey intermediate.key -CAcreateserial \
      -sha256 -days 30 -extfile server.ext -out radius-server.pem 2>/dev/null
    cat radius-server.pem intermediate.pem >radius-server-chain.pem
    # Client certificates issued by the intermediate: good, expired, revoked.
    local name user start end
    for name in chain expired revoked; do
      case $name in
        chain) user=$TB_TLS_USER start= end= ;;
        expired) user=$TB_TLS_EXPIRED_USER start=20200101000000Z end=20200201000000Z ;;
        revoked) user=$TB_TLS_REVOKED_USER start= end= ;;
      esac
      sed "s/^subjectAltName=.*/subjectAltName=email:$user/" client.ext >"$name-client.ext"
      openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -keyout "$name-client.key" -out "$name-client.csr" \
        -subj "/O=eapolctl testbed/CN=$user" 2>/dev/null
      openssl ca -batch -notext -config intca/ca.cnf -extfile "$name-client.ext" \
        ${start:+-startdate "$start"} ${end:+-enddate "$end"} \
        -in "$name-client.csr" -out "$name-client.pem" 2>/dev/null
      openssl pkcs12 -export -name "$user" -inkey "$name-client.key" -in "$name-client.pem" \
        -certfile intermediate.pem -passout file:chain-client.p12.pass -out "$name-client.p12"
    done
    openssl ca -batch -config intca/ca.cnf -revoke revoked-client.pem -crl_reason keyCompromise 2>/dev/null
    openssl ca -batch -config intca/ca.cnf -gencrl -out intermediate.crl.pem 2>/dev/null
    openssl ca -batch -config rootca/ca.cnf -gencrl -out ca.crl.pem 2>/dev/null
    mkdir -p capath
    cp ca.pem capath/root.pem
    cp intermediate.pem capath/intermediate.pem
    cp ca.crl.pem capath/root.crl.pem
    cp intermediate.crl.pem capath/intermediate.crl.pem
    openssl rehash capath 2>/dev/null || c_rehash capath >/dev/null
    rm -f ./*.csr ./*.srl
    # What the tests rely on, checked here so a broken PKI fails `up`, not a test.
    openssl verify -CAfile ca.pem -untrusted intermediate.pem -purpose sslserver radius-server.pem >/dev/null
    ! openssl verify -CAfile ca.pem -purpose sslserver radius-server.pem >/dev/null 2>&1
    openssl verify -CApath capath -crl_check -purpose sslclient chain-client.pem >/dev/null
    openssl verify -CApath capath -crl_check -purpose sslclient client.pem >/dev/null
    ! openssl verify -CApath capath -crl_check revoked-client.pem >/dev/null 2>&1
    ! openssl verify -CApath capath expired-client.pem >/dev/null 2>&1
  ) || tb_die "certificate generation (intermediate CA chain) failed"
}
