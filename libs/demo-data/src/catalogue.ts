export const REGISTRATION_CHANNELS = ['web', 'web', 'store', 'store', 'app', 'app', 'call-center'] as const;

export const CONSENT_SOURCES: Readonly<Record<(typeof REGISTRATION_CHANNELS)[number], string>> = {
  web: 'web-signup-form',
  store: 'store-tablet',
  app: 'mobile-app-onboarding',
  'call-center': 'call-center-script',
};

export const PURCHASE_CHANNELS = ['web', 'store', 'store', 'app', 'marketplace'] as const;

export const COMPLAINT_CATEGORIES = [
  'delivery',
  'product-quality',
  'billing',
  'returns',
  'customer-service',
  'website',
  'loyalty-program',
] as const;

export const COMPLAINT_DESCRIPTIONS: Readonly<Record<(typeof COMPLAINT_CATEGORIES)[number], string>> = {
  delivery: 'Sipariş belirtilen tarihte teslim edilmedi.',
  'product-quality': 'Ürün kutusundan hasarlı çıktı.',
  billing: 'Faturada iki kez ücretlendirme görünüyor.',
  returns: 'İade talebim iki haftadır sonuçlanmadı.',
  'customer-service': 'Mağaza personeli sorumu yanıtlayamadı.',
  website: 'Ödeme sayfası hata verdi, sipariş tamamlanamadı.',
  'loyalty-program': 'Puanlarım hesabıma yansımadı.',
};

export const COMPLAINT_CHANNELS = ['phone', 'email', 'store', 'app', 'web'] as const;

export const RESOLUTIONS = [
  'Ürün değiştirildi.',
  'Ücret iadesi yapıldı.',
  'Kargo yeniden gönderildi.',
  'Hesap düzeltildi ve müşteri bilgilendirildi.',
  'Özür dilendi, indirim kuponu tanımlandı.',
] as const;

export const REOPEN_REASONS = ['Sorun devam ediyor.', 'Yapılan iade eksik.', 'Değişim ürünü de hatalı.'];

export const OPPORTUNITY_TITLES = [
  'Kurumsal hediye kartı siparişi',
  'Toplu ofis mobilyası',
  'Yıllık bakım sözleşmesi',
  'Mağaza açılışı tedariki',
  'Çalışan ödül programı',
  'Fleet renewal',
] as const;

export const LOSS_REASONS = ['price', 'competitor', 'budget-cut', 'no-decision', 'timing'] as const;

export const NPS_COMMENTS = ['Hızlı teslimat, teşekkürler.', 'Fiyatlar biraz yüksek.', 'Great service!'];
