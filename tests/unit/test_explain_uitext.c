/* SPDX-License-Identifier: MIT */
/* test_explain_uitext.c: the texts Windows and Office show about activation (prose_uitext.def),
 * read in each language they ship: each text as Windows writes it (the language packs' wording,
 * verbatim) tells its state and is judged by that state's condition row; the same text named in
 * a how-to ("if ... shows ...", "look for the message ...") tells nothing. */
#include <criterion/criterion.h>
#include <string.h>

#include "facts.h"
#include "prose.h"
#include "slerr.h"

#define OK EX_TOLD_LICENSED
#define NOT_ACT EX_TOLD_NOT_ACTIVATED
#define EXPIRING EX_TOLD_EXPIRING
#define EXPIRED EX_TOLD_NOTIFICATION

struct ui_case {
    const char *lang;
    const char *shown; /* the text as Windows or Office shows it, or a sentence quoting it */
    int told;
    const char *named; /* the text named by a how-to: tells nothing */
};

static int told(const char *text, size_t *at, size_t *plen)
{
    unsigned before = 0;
    return ex_prose_told(text, strlen(text), false, true, &before, at, plen);
}

/* The state's condition row judges the words that told it at the state's severity. */
static void expect_row(const struct ui_case *c, size_t at, size_t plen)
{
    static struct ex_facts f;
    static struct ex_finding out[EX_MAX_FINDINGS];
    ex_facts_clear(&f);
    ex_facts_set(&f, EXL_LICENSE_STATUS, c->shown + at, plen);
    f.told = c->told;
    ex_facts_derive(&f, false);
    cr_assert_gt(ex_judge(&f, out, EX_MAX_FINDINGS), 0, "%s: %s judged nothing", c->lang, c->shown);
    enum ex_severity want = c->told == OK         ? EX_OK
                            : c->told == EXPIRING ? EX_WARNING
                                                  : EX_CRITICAL;
    cr_expect_eq(out[0].severity, want, "%s: %s: row %s", c->lang, c->shown, out[0].rule);
}

static void expect_cases(const struct ui_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct ui_case *c = &cases[i];
        size_t at = 0, plen = 0;
        int t = told(c->shown, &at, &plen);
        cr_expect_eq(t, c->told, "%s: \"%s\" told %s, not %s", c->lang, c->shown,
                     t < 0 ? "nothing" : ex_told_name(t), ex_told_name(c->told));
        if (t == c->told)
            expect_row(c, at, plen);
        t = told(c->named, &at, &plen);
        cr_expect_eq(t, EX_TOLD_NONE, "%s: \"%s\" told %s", c->lang, c->named,
                     t < 0 ? "nothing" : ex_told_name(t));
    }
}

/* Settings > Activation and the System control panel: "Windows is activated ..." */
static const struct ui_case activated[] = {
    { "en", "Windows is activated with a digital license linked to your Microsoft account.", OK,
      "If Settings says Windows is activated with a digital license, nothing needs doing" },
    { "en", "Windows is activated using your organization’s activation service.", OK,
      "On the KMS client computer, open the System control panel, and look for the Windows is "
      "activated message" },
    { "en", "Settings shows the following: Windows is activated with a digital license", OK,
      "The message will typically be one of the following: \"Windows is activated,\" \"Windows "
      "is activated with a digital license\"" },
    { "de", "Windows wurde durch eine digitale, mit Ihrem Microsoft-Konto verknüpfte Lizenz "
            "aktiviert.", OK,
      "Wenn Windows mit einer digitalen Lizenz aktiviert ist, brauchen Sie keinen Schlüssel" },
    { "de", "Windows ist aktiviert.", OK,
      "Öffne auf dem Computer die Systemsteuerung, und suche nach Windows ist aktiviert" },
    { "fr", "Windows est activé avec une licence numérique.", OK,
      "Si Windows est activé avec une licence numérique, vous n'avez rien à faire" },
    { "es", "Windows está activado con una licencia digital vinculada a tu cuenta de Microsoft",
      OK, "En el equipo, abre el panel de control y busca el mensaje Windows está activado" },
    { "es", "Windows se activa mediante el servicio de activación de tu organización.", OK,
      "Si Windows se activa mediante el servicio de activación, no hace falta una clave" },
    { "it", "Windows è attivato con una licenza digitale.", OK,
      "Se Windows è attivato con una licenza digitale, non serve il codice" },
    { "pt", "O Windows está ativado com uma licença digital.", OK,
      "Se o Windows está ativado com uma licença digital, não precisa de chave" },
    { "ru", "Система Windows активирована с помощью цифровой лицензии.", OK,
      "Если Windows активирована с помощью цифровой лицензии, ключ не нужен" },
    { "pl", "System Windows został aktywowany przy użyciu licencji cyfrowej.", OK,
      "Jeśli system Windows został aktywowany, klucz nie jest potrzebny" },
    { "nl", "Windows is geactiveerd met een digitale licentie.", OK,
      "Als Windows is geactiveerd met een digitale licentie, is geen sleutel nodig" },
    { "zh-CN", "Windows 已使用数字许可证激活。", OK, "如果 Windows 已使用数字许可证激活，则无需密钥" },
    { "zh-TW", "已使用數位授權啟用 Windows。", OK, "如果已使用數位授權啟用 Windows，則不需要金鑰" },
    { "ko", "Windows가 디지털 라이선스를 이용해 정품 인증됩니다.", OK,
      "Windows가 정품 인증됩니다 라는 메시지가 표시되는 경우 제품 키가 필요하지 않습니다" },
    { "hu", "A Windowst digitális licenccel aktiválták.", OK,
      "Ha a Windowst digitális licenccel aktiválták, nem kell termékkulcs" },
    { "id", "Windows diaktifkan dengan lisensi digital.", OK,
      "Jika Windows diaktifkan dengan lisensi digital, kunci produk tidak diperlukan" },
    { "cs", "Systém Windows je aktivovaný pomocí digitální licence.", OK,
      "Pokud se zobrazí Systém Windows je aktivovaný, klíč nepotřebujete" },
    { "sk", "Windows je aktivovaný pomocou digitálnej licencie.", OK,
      "Ak Windows je aktivovaný, kľúč nepotrebujete" },
    { "vi", "Windows được kích hoạt", OK, "Nếu Windows được kích hoạt, bạn không cần khóa" },
    /* as the language pack writes it, with combining tone marks */
    { "vi", "Windows \xC4\x91\xC6\xB0\xC6\xA1\xCC\xA3" "c k\xC3\xAD" "ch hoa\xCC\xA3t", OK,
      "N\xE1\xBA\xBFu Windows \xC4\x91\xC6\xB0\xC6\xA1\xCC\xA3" "c k\xC3\xAD" "ch hoa\xCC\xA3t, "
      "b\xE1\xBA\xA1n kh\xC3\xB4ng c\xE1\xBA\xA7n kh\xC3\xB3" "a" },
    { "tr", "Windows dijital bir lisans ile etkinleştirildi.", OK,
      "Eğer Windows etkinleştirildi ise ürün anahtarı gerekmez" },
    { "ro", "Windows este activat cu o licență digitală.", OK,
      "Dacă Windows este activat, nu aveți nevoie de cheie" },
    { "uk", "Windows активовано за допомогою цифрової ліцензії.", OK,
      "Якщо Windows активовано, ключ не потрібен" },
    { "da", "Windows er aktiveret med en digital licens.", OK,
      "Hvis Windows er aktiveret, behøver du ingen nøgle" },
    { "nb", "Windows er aktivert med en digital lisens.", OK,
      "Hvis Windows er aktivert, trenger du ingen nøkkel" },
    { "sv", "Windows har aktiverats med en digital licens.", OK,
      "Ifall Windows har aktiverats behöver du ingen nyckel" },
};

Test(uitext, windows_is_activated_in_each_language)
{
    expect_cases(activated, sizeof activated / sizeof activated[0]);
}

/* A guide tells what the reader will see: the text it names tells nothing */
static const struct ui_case will_see[] = {
    { "en", "Settings now says Windows is activated with a digital license", OK,
      "You will see Windows is activated with a digital license" },
    { "es", "Windows está activado con una licencia digital.", OK,
      "En Configuración verás el mensaje «Windows está activado con una licencia digital»" },
    { "fr", "Windows est activé avec une licence numérique.", OK,
      "Vous devriez voir « Windows est activé avec une licence numérique »" },
    { "it", "Windows è attivato con una licenza digitale.", OK,
      "Dovresti vedere il messaggio Windows è attivato con una licenza digitale" },
    { "pt", "O Windows está ativado com uma licença digital.", OK,
      "Você verá a mensagem O Windows está ativado com uma licença digital" },
    { "ru", "Система Windows активирована с помощью цифровой лицензии.", OK,
      "Вы увидите сообщение «Система Windows активирована с помощью цифровой лицензии»" },
    { "pl", "System Windows został aktywowany przy użyciu licencji cyfrowej.", OK,
      "Zobaczysz komunikat System Windows został aktywowany przy użyciu licencji cyfrowej" },
};

Test(uitext, what_a_guide_says_you_will_see_is_no_state)
{
    expect_cases(will_see, sizeof will_see / sizeof will_see[0]);
}

/* "This copy of Windows is not genuine", "Windows is not activated" and Office's title bar
 * "Unlicensed Product" and "Product Deactivated" */
static const struct ui_case not_activated[] = {
    { "de", "Die Echtheit dieser Windows-Kopie ist nicht bestätigt", NOT_ACT,
      "Falls die Meldung „Die Echtheit dieser Windows-Kopie ist nicht bestätigt“ erscheint, "
      "prüfen Sie den Schlüssel" },
    { "es", "Esta copia de Windows no es original", NOT_ACT,
      "Si aparece Esta copia de Windows no es original, compra una licencia" },
    { "it", "La copia di Windows in uso non è autentica.", NOT_ACT,
      "Se compare La copia di Windows in uso non è autentica, acquista una licenza" },
    { "pt", "Esta cópia do Windows não é original", NOT_ACT,
      "Se aparecer Esta cópia do Windows não é original, compre uma licença" },
    { "ru", "Подлинность этой копии Windows не заверена", NOT_ACT,
      "Если появилось сообщение «Подлинность этой копии Windows не заверена», купите лицензию" },
    { "pl", "Ta kopia produktu Windows nie jest oryginalna.", NOT_ACT,
      "Jeśli pojawi się Ta kopia produktu Windows nie jest oryginalna, kup licencję" },
    { "nl", "Dit exemplaar van Windows is niet legitiem", NOT_ACT,
      "Als Dit exemplaar van Windows is niet legitiem verschijnt, koop een licentie" },
    { "hu", "A(z) Windows ezen példánya nem eredeti", NOT_ACT,
      "Ha megjelenik: A(z) Windows ezen példánya nem eredeti, vásároljon licencet" },
    { "cs", "Tato kopie Windows není pravá.", NOT_ACT,
      "Pokud se zobrazí Tato kopie Windows není pravá, kupte licenci" },
    { "tr", "Bu Windows kopyası orijinal değil", NOT_ACT,
      "Eğer Bu Windows kopyası orijinal değil iletisi görünürse lisans satın alın" },
    { "ro", "Această copie de Windows nu este autentică", NOT_ACT,
      "Dacă apare Această copie de Windows nu este autentică, cumpărați o licență" },
    { "uk", "Ця копія Windows не автентична.", NOT_ACT,
      "Якщо з'явилося Ця копія Windows не автентична, купіть ліцензію" },
    { "sv", "Det här exemplaret av Windows är inte äkta", NOT_ACT,
      "Ifall Det här exemplaret av Windows är inte äkta visas, köp en licens" },
    { "vi", "Windows không được kích hoạt.", NOT_ACT,
      "Nếu Windows không được kích hoạt, hãy nhập khóa sản phẩm" },
    { "de", "Word zeigt in der Titelleiste „Nicht lizenziertes Produkt“", NOT_ACT,
      "Wenn Word „Nicht lizenziertes Produkt“ anzeigt, melden Sie sich erneut an" },
    { "fr", "Excel affiche Produit sans licence dans la barre de titre", NOT_ACT,
      "Si Excel affiche Produit sans licence, connectez-vous de nouveau" },
    { "es", "Word muestra Producto sin licencia en la barra de título", NOT_ACT,
      "Si Word muestra Producto sin licencia, vuelve a iniciar sesión" },
    { "it", "Word mostra Prodotto senza licenza nella barra del titolo", NOT_ACT,
      "Se Word mostra Prodotto senza licenza, accedi di nuovo" },
    { "pt", "O Word mostra Produto Não Licenciado na barra de título", NOT_ACT,
      "Se o Word mostrar Produto Não Licenciado, entre novamente" },
    { "ru", "В заголовке Word написано «Нелицензированный продукт»", NOT_ACT,
      "Если в заголовке написано «Нелицензированный продукт», войдите снова" },
    { "ja", "タイトルバーに「ライセンスのない製品」と表示されました", NOT_ACT,
      "「ライセンスのない製品」と表示される場合は、サインインし直してください" },
    { "ja", "「製品のライセンス認証が取り消されました」と表示されました", NOT_ACT,
      "ライセンス認証が取り消された場合は、もう一度サインインしてください" },
    { "pl", "Word pokazuje Produkt bez licencji na pasku tytułu", NOT_ACT,
      "Jeśli Word pokazuje Produkt bez licencji, zaloguj się ponownie" },
    { "tr", "Word başlık çubuğunda Lisanssız Ürün gösteriyor", NOT_ACT,
      "Eğer Word Lisanssız Ürün gösteriyorsa yeniden oturum açın" },
    { "cs", "Word v záhlaví ukazuje Nelicencovaný produkt", NOT_ACT,
      "Pokud Word ukazuje Nelicencovaný produkt, přihlaste se znovu" },
    { "ko", "제목 표시줄에 라이선스가 없는 제품이라고 표시됩니다", NOT_ACT,
      "라이선스가 없는 제품이라고 표시되는 경우 다시 로그인하세요" },
};

Test(uitext, not_genuine_and_unlicensed_product_in_each_language)
{
    expect_cases(not_activated, sizeof not_activated / sizeof not_activated[0]);
}

/* Notices only an unactivated Windows shows: Settings > Personalization's "You need to activate
 * Windows before you can personalize your PC." and the watermark's "Go to Settings to activate
 * Windows." */
static const struct ui_case notices[] = {
    { "en", "You need to activate Windows before you can personalize your PC.", NOT_ACT,
      "If Settings says you need to activate Windows before you can personalize your PC, enter "
      "a key" },
    { "de", "Sie müssen Windows aktivieren, um Ihren PC personalisieren zu können.", NOT_ACT,
      "Wenn Sie Windows aktivieren müssen, um Ihren PC personalisieren zu können, geben Sie "
      "einen Schlüssel ein" },
    { "nl", "Als u uw pc aan uw persoonlijke voorkeur wilt aanpassen, moet u Windows eerst "
            "activeren.", NOT_ACT,
      "Als deze melding verschijnt, moet u Windows eerst activeren met een sleutel" },
    { "ja", "PC の個人用設定を行う前に、Windows のライセンス認証を行う必要があります。", NOT_ACT,
      "「PC の個人用設定を行う前に」と表示される場合は、プロダクト キーを入力してください" },
    { "zh-CN", "你需要先激活 Windows，然后才能对电脑进行个性化设置。", NOT_ACT,
      "如果提示需要先激活 Windows 才能对电脑进行个性化设置，请输入密钥" },
    { "tr", "Kişisel bilgisayarınızı kişiselleştirmek için önce Windows’u etkinleştirmelisiniz.",
      NOT_ACT,
      "Eğer kişiselleştirmek için önce Windows’u etkinleştirmeniz gerekiyorsa anahtar girin" },
    { "sv", "Du måste aktivera Windows innan du kan anpassa datorn.", NOT_ACT,
      "Ifall du måste aktivera Windows innan du kan anpassa datorn, ange en nyckel" },
    { "es", "Ve a Configuración para activar Windows.", NOT_ACT,
      "Si ves el mensaje Ve a Configuración para activar Windows, escribe una clave" },
    { "pt", "Acesse Configurações para ativar o Windows.", NOT_ACT,
      "Se aparecer Acesse Configurações para ativar o Windows, insira uma chave" },
    { "pl", "Przejdź do ustawień, aby aktywować system Windows.", NOT_ACT,
      "Jeśli widzisz Przejdź do ustawień, aby aktywować system Windows, wpisz klucz" },
    { "ko", "[설정]으로 이동하여 Windows를 정품 인증합니다.", NOT_ACT,
      "[설정]으로 이동하여 Windows를 정품 인증합니다 라는 문구가 표시되는 경우 제품 키를 입력하세요" },
    { "fr", "Accédez aux paramètres pour activer Windows.", NOT_ACT,
      "Si Accédez aux paramètres pour activer Windows s'affiche, saisissez une clé" },
    { "zh-CN", "转到“设置”以激活 Windows。", NOT_ACT, "如果出现转到“设置”以激活 Windows 的提示，请输入密钥" },
};

Test(uitext, notices_of_an_unactivated_windows_in_each_language)
{
    expect_cases(notices, sizeof notices / sizeof notices[0]);
}

/* "Your Windows license will expire soon" where the language's other words did not read it */
static const struct ui_case expiring[] = {
    { "fr", "Votre licence Windows va bientôt expirer.", EXPIRING,
      "Si le message Votre licence Windows va bientôt expirer apparaît, contactez "
      "l'administrateur" },
    { "pt", "Sua licença do Windows expira em breve", EXPIRING,
      "Se aparecer Sua licença do Windows expira em breve, contate o administrador" },
    { "ja", "Windows のライセンスの有効期限がもうすぐ切れます。", EXPIRING,
      "Windows のライセンスの有効期限がもうすぐ切れる場合は、管理者に連絡してください" },
    { "sk", "Platnosť licencie systému Windows čoskoro uplynie.", EXPIRING,
      "Ak platnosť licencie systému Windows čoskoro uplynie, kontaktujte správcu" },
    { "vi", "Giấy phép Windows của bạn sẽ sớm hết hạn.", EXPIRING,
      "Nếu giấy phép Windows của bạn sẽ sớm hết hạn, hãy liên hệ quản trị viên" },
    { "tr", "Windows lisansınızın süresi yakında dolacak.", EXPIRING,
      "Eğer Windows lisansınızın süresi yakında dolacak ise yöneticiye başvurun" },
    { "uk", "Термін дії цієї ліцензії Windows скоро мине.", EXPIRING,
      "Якщо термін дії ліцензії Windows скоро мине, зверніться до адміністратора" },
    { "sv", "Windows-licensen upphör snart gälla.", EXPIRING,
      "Ifall Windows-licensen upphör snart gälla, kontakta administratören" },
};

Test(uitext, license_will_expire_soon_in_each_language)
{
    expect_cases(expiring, sizeof expiring / sizeof expiring[0]);
}

/* "The activation period has expired." where the language's other words did not read it */
static const struct ui_case expired[] = {
    { "es", "El período de activación expiró.", EXPIRED,
      "Si el período de activación expiró, conecta el equipo a la red" },
    { "fr", "La période d’activation est arrivée à expiration.", EXPIRED,
      "Si la période d’activation est arrivée à expiration, connectez l'ordinateur au réseau" },
    { "pl", "Okres aktywacji upłynął.", EXPIRED,
      "Jeśli okres aktywacji upłynął, połącz komputer z siecią" },
    { "sk", "Obdobie vyhradené na aktiváciu uplynulo.", EXPIRED,
      "Ak obdobie vyhradené na aktiváciu uplynulo, pripojte počítač k sieti" },
    { "sv", "Aktiveringsperioden har förlöpt.", EXPIRED,
      "Ifall aktiveringsperioden har förlöpt, anslut datorn till nätverket" },
    { "uk", "Період роботи без активації закінчився.", EXPIRED,
      "Якщо період роботи без активації закінчився, підключіть комп'ютер до мережі" },
    { "zh-CN", "激活期限已过。", EXPIRED, "如果激活期限已过，请将计算机连接到网络" },
    { "zh-TW", "啟用期間已到期。", EXPIRED, "如果啟用期間已到期，請將電腦連線到網路" },
};

Test(uitext, activation_period_has_expired_in_each_language)
{
    expect_cases(expired, sizeof expired / sizeof expired[0]);
}

/* Settings' "We can't activate Windows on this device ..." and Office's title bar "Product
 * Activation Failed", where the language's other words did not read them; the cause given after
 * "because" holds its own negation */
static const struct ui_case failed[] = {
    { "cs", "Na tomto zařízení teď nemůžeme aktivovat Windows.", EX_TOLD_ACTIVATION_FAILED,
      "Pokud nemůžeme aktivovat Windows, zkuste to znovu později" },
    { "sk", "Windows v tomto zariadení momentálne nemôžeme aktivovať.", EX_TOLD_ACTIVATION_FAILED,
      "Ak Windows nemôžeme aktivovať, skúste to neskôr" },
    { "tr", "Şu anda bu cihazda Windows’u etkinleştiremiyoruz.", EX_TOLD_ACTIVATION_FAILED,
      "Eğer Windows’u etkinleştiremiyoruz iletisi görünürse daha sonra deneyin" },
    { "ro", "Windows nu se poate activa momentan pe acest dispozitiv.", EX_TOLD_ACTIVATION_FAILED,
      "Dacă Windows nu se poate activa momentan, încercați mai târziu" },
    { "ja", "現在、このデバイスで Windows のライセンス認証を行うことができません。",
      EX_TOLD_ACTIVATION_FAILED, "ライセンス認証を行うことができない場合は、後でもう一度実行してください" },
    { "ru", "Не удается активировать Windows на этом устройстве, так как у вас нет действительной "
            "цифровой лицензии или ключа продукта.", EX_TOLD_ACTIVATION_FAILED,
      "Если не удается активировать Windows, так как у вас нет ключа, купите его" },
    { "nl", "Windows kan niet worden geactiveerd op dit apparaat omdat u geen geldige digitale "
            "licentie of productcode hebt.", EX_TOLD_ACTIVATION_FAILED,
      "Als Windows niet kan worden geactiveerd omdat u geen productcode hebt, koop er een" },
    { "id", "Kami tidak dapat mengaktifkan Windows pada perangkat ini karena Anda tidak memiliki "
            "lisensi digital yang valid.", EX_TOLD_ACTIVATION_FAILED,
      "Jika tidak dapat mengaktifkan Windows karena tidak memiliki lisensi, beli lisensi" },
    { "nb", "Vi kan ikke aktivere Windows på denne enheten fordi du ikke har en gyldig digital "
            "lisens.", EX_TOLD_ACTIVATION_FAILED,
      "Hvis vi ikke kan aktivere Windows fordi du ikke har en lisens, kjøp en" },
    { "zh-CN", "Microsoft Excel(产品激活失败)", EX_TOLD_ACTIVATION_FAILED,
      "如果标题栏显示产品激活失败，请重新登录" },
    { "zh-TW", "Word 標題列顯示「產品啟動失敗」", EX_TOLD_ACTIVATION_FAILED,
      "如果標題列顯示產品啟動失敗，請重新登入" },
};

Test(uitext, activation_failed_in_each_language)
{
    expect_cases(failed, sizeof failed / sizeof failed[0]);
}

/* A text that is the product's own names the product, as "Windows" does, for a paste that
 * quotes it alone (prose counts in an input that names the product); a plain phrase that is
 * also everyday speech ("producto sin licencia") does not. */
Test(uitext, the_products_own_text_names_it)
{
    const char *names[] = { "Nicht lizenziertes Produkt", "ライセンスのない製品",
                            "Нелицензированный продукт" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        cr_expect(ex_prose_scan(names[i], strlen(names[i])) & EX_PROSE_NAMED, "%s", names[i]);
    const char *plain = "producto sin licencia";
    cr_expect_eq(ex_prose_scan(plain, strlen(plain)) & EX_PROSE_NAMED, 0u, "%s", plain);
}
