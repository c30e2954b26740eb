/**
 * Services that lures borrow the name of, with the registrable domains they really send from.
 * A display name that names one ("MetaMask Support", "Banco do Brasil", "Microsoft account team")
 * on an address of any other owner is how most credential lures in real mail introduce
 * themselves. Names are matched as whole words of the bare display name; the domains are the
 * services' own (and their mail platforms' sending domains where they use one under their name).
 * Vietnamese banks, e-wallets, carriers and agencies are here for the lures of Vietnamese warnings,
 * with the domains their real bills and e-invoices come from (VNPT Invoice, the EVN power companies);
 * a state body's name (BHXH, the tax office) on any .gov.vn address is a province's office speaking.
 */
export interface Brand {
  /** Bare (lower-case, no diacritics) names as a display name would carry them. */
  names: readonly string[];
  /** Registrable domains the brand sends from. */
  domains: readonly string[];
}

export const brands: readonly Brand[] = [
  { names: ['microsoft', 'office 365', 'office365', 'microsoft 365', 'outlook', 'onedrive', 'sharepoint', 'hotmail'], domains: ['microsoft.com', 'office.com', 'office365.com', 'outlook.com', 'live.com', 'hotmail.com', 'sharepoint.com', 'sharepointonline.com', 'microsoftonline.com'] },
  { names: ['google', 'gmail', 'google drive'], domains: ['google.com', 'gmail.com', 'youtube.com', 'googlemail.com'] },
  { names: ['apple', 'icloud', 'apple id', 'itunes', 'app store'], domains: ['apple.com', 'icloud.com', 'me.com', 'mac.com', 'itunes.com'] },
  { names: ['paypal'], domains: ['paypal.com', 'paypal.de', 'paypal.co.uk'] },
  { names: ['amazon', 'amazon prime'], domains: ['amazon.com', 'amazon.de', 'amazon.co.uk', 'amazon.fr', 'amazon.es', 'amazon.it', 'amazon.com.br', 'amazon.co.jp', 'amazonses.com'] },
  { names: ['netflix'], domains: ['netflix.com'] },
  { names: ['facebook', 'meta', 'instagram', 'whatsapp'], domains: ['facebook.com', 'facebookmail.com', 'meta.com', 'instagram.com', 'whatsapp.com'] },
  { names: ['docusign'], domains: ['docusign.com', 'docusign.net'] },
  // every office's meeting links (us02web.zoom.us/j/…): a brand's own domain under .us, not a cheap
  // one. No name: "Hội thảo qua Zoom" is how a university's own events sign their invitations.
  { names: [], domains: ['zoom.us', 'zoom.com', 'zoomgov.com'] },
  { names: ['dropbox'], domains: ['dropbox.com', 'dropboxmail.com'] },
  { names: ['adobe'], domains: ['adobe.com'] },
  { names: ['dhl'], domains: ['dhl.com', 'dhl.de', 'dhl.nl', 'dpdhl.com'] },
  { names: ['fedex'], domains: ['fedex.com'] },
  { names: ['ups'], domains: ['ups.com'] },
  { names: ['usps'], domains: ['usps.com', 'usps.gov'] },
  { names: ['correios'], domains: ['correios.com.br'] },
  { names: ['coinbase'], domains: ['coinbase.com'] },
  { names: ['binance'], domains: ['binance.com'] },
  { names: ['metamask'], domains: ['metamask.io'] },
  { names: ['ledger', 'ledger live'], domains: ['ledger.com'] },
  { names: ['trust wallet', 'trustwallet'], domains: ['trustwallet.com'] },
  { names: ['exodus'], domains: ['exodus.com', 'exodus.io'] },
  { names: ['bradesco'], domains: ['bradesco.com.br'] },
  // the bank's initials too: "[BB] - Comunicado ao cliente", "Informa BB: Conta bloqueada" on Gmail
  { names: ['banco do brasil', 'bb'], domains: ['bb.com.br', 'bancodobrasil.com.br'] },
  { names: ['itau', 'itaucard'], domains: ['itau.com.br', 'itaucard.com.br'] },
  { names: ['nubank'], domains: ['nubank.com.br'] },
  { names: ['caixa'], domains: ['caixa.gov.br'] },
  { names: ['mercado pago', 'mercado livre', 'mercadopago', 'mercadolivre'], domains: ['mercadopago.com.br', 'mercadolivre.com.br', 'mercadopago.com', 'mercadolibre.com'] },
  { names: ['norton'], domains: ['norton.com', 'nortonlifelock.com'] },
  { names: ['mcafee'], domains: ['mcafee.com'] },
  { names: ['zimbra'], domains: ['zimbra.com'] },
  { names: ['roundcube'], domains: ['roundcube.net'] },
  // crypto exchanges, wallets and markets whose names real lures wear
  { names: ['kraken'], domains: ['kraken.com'] },
  { names: ['opensea'], domains: ['opensea.io'] },
  { names: ['crypto.com', 'crypto com'], domains: ['crypto.com'] },
  { names: ['ripple', 'ripplenet', 'team ripple'], domains: ['ripple.com'] },
  { names: ['stellar foundation', 'stellar.org', 'stellar org', 'stellar development foundation'], domains: ['stellar.org'] },
  { names: ['blockchain.com', 'blockchain com', 'blockchain support'], domains: ['blockchain.com'] },
  { names: ['bittrex'], domains: ['bittrex.com'] },
  { names: ['ftx'], domains: ['ftx.com', 'ra.kroll.com', 'kroll.com'] },
  { names: ['cointracker'], domains: ['cointracker.io'] },
  { names: ['bybit'], domains: ['bybit.com'] },
  { names: ['kucoin'], domains: ['kucoin.com'] },
  { names: ['phantom wallet'], domains: ['phantom.app'] },
  { names: ['uniswap'], domains: ['uniswap.org'] },
  // banks, brokers and payments
  { names: ['robinhood'], domains: ['robinhood.com'] },
  { names: ['charles schwab', 'schwab'], domains: ['schwab.com'] },
  { names: ['wells fargo'], domains: ['wellsfargo.com'] },
  { names: ['bank of america'], domains: ['bankofamerica.com', 'bofa.com'] },
  { names: ['chase bank', 'jpmorgan chase', 'chase online'], domains: ['chase.com', 'jpmorgan.com'] },
  { names: ['american express', 'amex'], domains: ['americanexpress.com', 'aexp.com'] },
  { names: ['revolut'], domains: ['revolut.com'] },
  { names: ['santander'], domains: ['santander.com', 'santander.com.br', 'santander.co.uk', 'santander.es', 'santander.de'] },
  { names: ['sparkasse'], domains: ['sparkasse.de'] },
  { names: ['rabobank'], domains: ['rabobank.nl', 'rabobank.com'] },
  { names: ['abn amro'], domains: ['abnamro.nl', 'abnamro.com'] },
  { names: ['livelo'], domains: ['livelo.com.br', 'pontolivelo.com.br'] },
  { names: ['porto seguro'], domains: ['portoseguro.com.br'] },
  { names: ['cielo'], domains: ['cielo.com.br'] },
  { names: ['picpay'], domains: ['picpay.com'] },
  // carriers, shops and services
  { names: ['dpd'], domains: ['dpd.com', 'dpd.de', 'dpd.co.uk', 'dpd.fr', 'dpd.nl'] },
  { names: ['postnl'], domains: ['postnl.nl'] },
  { names: ['la poste', 'colissimo', 'chronopost'], domains: ['laposte.fr', 'laposte.net', 'colissimo.fr', 'chronopost.fr'] },
  { names: ['royal mail'], domains: ['royalmail.com'] },
  { names: ['booking.com', 'booking com'], domains: ['booking.com'] },
  { names: ['walmart'], domains: ['walmart.com'] },
  { names: ['carrefour'], domains: ['carrefour.com', 'carrefour.fr', 'carrefour.es', 'carrefour.com.br'] },
  { names: ['linkedin'], domains: ['linkedin.com'] },
  { names: ['github'], domains: ['github.com'] },
  { names: ['wetransfer'], domains: ['wetransfer.com'] },
  { names: ['spotify'], domains: ['spotify.com'] },
  { names: ['siriusxm'], domains: ['siriusxm.com'] },
  { names: ['totalav'], domains: ['totalav.com'] },
  { names: ['avast'], domains: ['avast.com'] },
  { names: ['kaspersky'], domains: ['kaspersky.com'] },
  { names: ['geek squad'], domains: ['geeksquad.com', 'bestbuy.com'] },
  // tax and benefits offices
  { names: ['irs', 'internal revenue service'], domains: ['irs.gov'] },
  { names: ['social security administration', 'ssa'], domains: ['ssa.gov'] },
  { names: ['hmrc'], domains: ['hmrc.gov.uk', 'gov.uk'] },
  { names: ['digid', 'belastingdienst'], domains: ['digid.nl', 'belastingdienst.nl'] },
  { names: ['ameli', 'assurance maladie'], domains: ['ameli.fr', 'assurance-maladie.fr'] },
  { names: ['receita federal', 'inss'], domains: ['gov.br'] },
  // Viet Nam
  { names: ['vietcombank'], domains: ['vietcombank.com.vn'] },
  { names: ['vietinbank'], domains: ['vietinbank.vn'] },
  { names: ['bidv'], domains: ['bidv.com.vn'] },
  { names: ['agribank'], domains: ['agribank.com.vn'] },
  { names: ['techcombank'], domains: ['techcombank.com.vn', 'techcombank.com'] },
  { names: ['mb bank', 'mbbank'], domains: ['mbbank.com.vn'] },
  { names: ['vpbank'], domains: ['vpbank.com.vn'] },
  { names: ['acb'], domains: ['acb.com.vn'] },
  { names: ['sacombank'], domains: ['sacombank.com', 'sacombank.com.vn'] },
  { names: ['momo'], domains: ['momo.vn'] },
  { names: ['zalopay', 'zalo'], domains: ['zalopay.vn', 'zalo.me', 'zalo.vn'] },
  { names: ['vnpt'], domains: ['vnpt.vn', 'vnpt.com.vn', 'vnpt-invoice.com.vn', 'vnpt-ca.vn', 'vnptpay.vn', 'vinaphone.com.vn'] },
  { names: ['viettel'], domains: ['viettel.vn', 'viettel.com.vn', 'viettelpost.com.vn', 'viettelpost.vn', 'viettelmoney.vn'] },
  { names: ['vnpost', 'buu dien viet nam'], domains: ['vnpost.vn', 'vnpost.com.vn'] },
  { names: ['bao hiem xa hoi', 'bhxh'], domains: ['baohiemxahoi.gov.vn', 'gov.vn'] },
  { names: ['tong cuc thue', 'cuc thue'], domains: ['gdt.gov.vn', 'gov.vn'] },
  { names: ['evn', 'dien luc'], domains: ['evn.com.vn', 'evnhanoi.vn', 'evnhanoi.com.vn', 'evnhcmc.vn', 'evnnpc.vn', 'evncpc.vn', 'evnspc.vn', 'npc.com.vn', 'cpc.vn', 'evn.vn'] },
];

let index: { pattern: RegExp; byName: Map<string, Brand> } | undefined;

/** The brand a bare display name names, if any. */
export function brandNamed(bareName: string): Brand | undefined {
  if (!index) {
    const byName = new Map<string, Brand>();
    for (const brand of brands) for (const name of brand.names) byName.set(name, brand);
    const names = [...byName.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    index = { pattern: new RegExp(String.raw`(?:^|[^a-z0-9])(${names.join('|')})(?![a-z0-9])`), byName };
  }
  const match = index.pattern.exec(bareName.slice(0, 300));
  return match?.[1] === undefined ? undefined : index.byName.get(match[1]);
}

let byDomain: Map<string, Brand[]> | undefined;

function brandsOf(domain: string): readonly Brand[] {
  if (!byDomain) {
    byDomain = new Map();
    for (const brand of brands) for (const own of brand.domains) byDomain.set(own, [...(byDomain.get(own) ?? []), brand]);
  }
  return byDomain.get(domain) ?? [];
}

/**
 * Two hosts of one brand (facebookmail.com and facebook.com, accountprotection.microsoft.com and
 * account.live.com): a brand's mail linking the brand's own site.
 */
export function sameBrand(a: { domain: string }, b: { domain: string }): boolean {
  if (a.domain === '' || b.domain === '') return false;
  const theirs = brandsOf(b.domain);
  return brandsOf(a.domain).some((brand) => theirs.includes(brand));
}

/** A registrable domain that some brand sends from (zalo.me, santander.es). */
export function isBrandDomain(domain: string): boolean {
  return domain !== '' && brandsOf(domain).length > 0;
}
