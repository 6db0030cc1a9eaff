/* cst-common-passwords.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-common-passwords"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cst-common-passwords-private.h"
#include "cst-password-policy.h"

/*
 * The passwords people pick first: the top of the published lists
 * (SplashData, NordPass, the NCSC's top 100 000, RockYou) and of the
 * Chinese leaks (CSDN, 12306, Tianya): number runs, keyboard walks
 * (1qaz2wsx, qweasdzxc), 520/1314 love numbers (5201314, woaini1314),
 * pinyin names and words, birth dates, and their usual digit endings.
 * Shorter entries are kept so that cst_password_is_common() answers the
 * question on its own, even though the length rule refuses them first.
 *
 * Lower case ASCII, sorted by strcmp() for bsearch(): the unit tests check
 * both, so an entry added out of place fails the build's tests.
 */
static const char * const common_passwords[] = {
  "!@#$%^", "!@#$%^&*", "!qaz2wsx", "!qaz@wsx", "00000", "000000", "0000000", "00000000",
  "000000000", "0000000000", "00000000a", "0123456789", "0987654321", "0okm9ijn", "1001001",
  "100200", "102030", "10203040", "110110110", "110119", "110120119", "11110000", "11111",
  "111111", "1111111", "11111111", "111111111", "1111111111", "11111111111", "11111111a",
  "11112222", "111222", "111222333", "111aaa", "111qqq", "112233", "11223344", "1122334455",
  "112233445566", "11235813", "119119", "120120", "121212", "12121212", "12306", "123123",
  "123123123", "123123123123", "123123qwe", "123321", "123321123", "1234", "12341234",
  "12344321", "12345", "1234512345", "123454321", "1234554321", "123456", "123456!", "123456123",
  "123456123456", "1234561314", "12345654321", "123456654321", "1234567", "12345678",
  "12345678!", "123456789", "123456789!", "123456789.", "1234567890", "1234567890!",
  "12345678900", "123456789012", "1234567890123", "1234567890a", "1234567891", "12345678910",
  "123456789123", "1234567899", "123456789a", "123456789aa", "123456789abc", "123456789abcd",
  "123456789q", "123456789qwe", "123456789z", "12345678a", "12345678abc", "12345678q",
  "1234567a", "1234567b", "1234567q", "123456a", "123456aa", "123456abc", "123456asd",
  "123456qq", "123456qwe", "12345abc", "12345qwe", "12345qwert", "12345qwerty", "1234abcd",
  "1234asdf", "1234qwer", "1234zxcv", "123654", "123654789", "123698745", "123abc", "123abc456",
  "123azerty", "123hello", "123qwe", "123qwe123", "123qweasd", "123qweasdzxc", "12qwaszx",
  "131313", "13131313", "1314159", "1314520", "13145200", "1314520123", "1314520a", "1314521",
  "1314woaini", "13579", "135792468", "1357924680", "147258", "147258369", "1472583690",
  "147369", "147852", "147852369", "14789632", "147896325", "159357", "159357456", "159753",
  "168168", "16881688", "19491001", "19700101", "19800101", "19850101", "19860101", "19870101",
  "19880808", "19881010", "19900101", "19911111", "19920101", "1a1a1a1a", "1a2b3c", "1a2s3d4f",
  "1q2w3e", "1q2w3e4r", "1q2w3e4r!", "1q2w3e4r5t", "1q2w3e4r5t6y", "1q2w3e4r5t6y7u",
  "1q2w3e4r5t6y7u8i", "1qa2ws3ed", "1qay2wsx", "1qaz!qaz", "1qaz1qaz", "1qaz2wsx",
  "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "1qaz@wsx", "1qaz@wsx3edc", "1qazxsw2", "1qazxsw23edc",
  "1qwerty", "20000101", "20080808", "20082008", "2010520", "20202020", "222222", "22222222",
  "2222222222", "258258", "258369", "2wsx3edc", "3.1415926", "31415926", "31415926535", "321321",
  "321654987", "333333", "33333333", "369369", "3edc4rfv", "444444", "44444444", "456789",
  "518518", "520123456", "5201314", "520131400", "5201314520", "52013145201314", "5201314a",
  "520520", "520woaini", "521125", "5211314", "521521", "555555", "55555555", "5555555555",
  "584131421", "654321", "666666", "66666666", "6666666666", "66666666a", "66668888", "666888",
  "741852963", "7758258", "7758521", "777777", "7777777", "77777777", "789456", "789456123",
  "7894561230", "87654321", "88886666", "888888", "88888888", "8888888888", "88888888888",
  "88888888a", "888999", "963852741", "987654", "987654321", "9876543210", "999999", "99999999",
  "999999999", "9999999999", "a000000", "a00000000", "a111111", "a11111111", "a123123",
  "a123123123", "a12345", "a123456", "a1234567", "a12345678", "a123456789", "a1234567890",
  "a1a1a1a1", "a1b2c3", "a1b2c3d4", "a1s2d3f4", "a5201314", "a5201314520", "a7758521", "a888888",
  "a88888888", "aa111111", "aa112233", "aa123123", "aa123456", "aa12345678", "aa123456789",
  "aaa111", "aaa123", "aaa123456", "aaaa1111", "aaaaaa", "aaaaaaaa", "aaaaaaaaa", "abc123",
  "abc123123", "abc1234", "abc12345", "abc123456", "abc12345678", "abc123abc", "abc123abc123",
  "abc888888", "abcabc", "abcd1234", "abcd123456", "abcdef", "abcdefg", "abcdefg123", "abcdefgh",
  "abcdefghij", "abcdefghijk", "abcdefghijklmnopqrstuvwxyz", "access", "access123", "admin",
  "admin1", "admin123", "admin1234", "admin123456", "admin888", "admin@123", "administrator",
  "ai520520", "aini1314", "alexander", "alexandra", "alibaba", "amanda", "andrew", "andrew1",
  "android", "angel", "angels", "anthony", "anthony1", "apple", "apple123", "arsenal", "asd123",
  "asd123456", "asd123456789", "asdasd", "asdasdasd", "asdf", "asdf1234", "asdf123456",
  "asdf;lkj", "asdfasdf", "asdfg12345", "asdfgh", "asdfghjk", "asdfghjkl", "asdfghjkl123",
  "asdfjkl;", "asdfqwer", "ashley", "ashley1", "autumn", "azerty", "azertyuiop", "babygirl",
  "baidu", "bailey", "banana", "baobei", "baobei1314", "baobei520", "baseball", "baseball1",
  "baseball123", "basketball", "batman", "batman123", "beautiful", "beibei", "beijing",
  "beijing2008", "benjamin", "blessed", "blink182", "buster", "butterfly", "champion",
  "changeme", "changeme123", "charlie", "charlie1", "charlie123", "cheese", "cheese1", "chelsea",
  "chen123456", "chenjing", "chicken", "china", "china123", "chinese", "chocolate", "computer",
  "computer1", "cookie", "corvette", "crystal", "csdn123", "daniel", "daniel1", "dd123456",
  "dearbook", "default", "default123", "demo1234", "diamond", "doudou", "dragon", "dragon1",
  "dragon123", "eagle", "elizabeth", "eminem", "facebook", "falcon", "family", "feifei",
  "ferrari", "flower", "football", "football1", "football123", "forever", "fortnite", "freedom",
  "freedom1", "friends", "ginger", "gmail", "godisgood", "golden", "google", "guest", "guest123",
  "hacker", "haha123", "hahaha", "hahaha123", "hallo123", "hammer", "hannah", "harley",
  "harley1", "heaven", "hello", "hello1", "hello123", "helloworld", "hockey", "hockey123",
  "hotmail", "huang123", "huanhuan", "huawei", "huawei123", "huawei@123", "hubei", "hubei123",
  "hunter", "hunter2", "ilovegod", "iloveu", "iloveyou", "iloveyou!", "iloveyou1", "iloveyou12",
  "iloveyou123", "iloveyou1314", "iloveyou2", "iloveyou520", "internet", "internet1", "iphone",
  "jasmine", "jasmine1", "jennifer", "jennifer1", "jessica", "jessica1", "jessica123", "jesus",
  "jesus123", "jiayou", "jingjing", "jordan", "jordan1", "jordan23", "joshua", "joshua1",
  "killer", "knight", "laogong520", "laopo520", "lauren", "legend", "lele123", "letmein",
  "letmein!", "letmein1", "letmein123", "li123456", "lightning", "lijing", "lili123456",
  "linkedin", "liu123456", "liuwei", "liuyang", "liuyang123", "liverpool", "liwei", "liyang",
  "lkjhgfdsa", "login", "love123", "lovelove", "lovely", "loveme", "loveyou", "maggie",
  "manager", "manchester", "master", "master1", "master123", "matrix", "matthew", "matthew1",
  "maverick", "mercedes", "metallica", "michael", "michael1", "michael123", "michelle",
  "microsoft", "midnight", "mima123", "mima1234", "mima123456", "minecraft", "mnbvcxz", "monkey",
  "monkey1", "monkey123", "mustang", "mylove", "mypassword", "myspace1", "mysql", "naruto",
  "nicole", "nicole1", "nihao123", "nihaoma", "nothing", "oracle", "orange", "p4ssw0rd",
  "p@ssw0rd", "p@ssw0rd123", "p@ssword", "pass123", "pass1234", "passpass", "passw0rd",
  "passw0rd!", "password", "password!", "password01", "password1", "password1!", "password12",
  "password123", "password123!", "password2", "passwort", "peanut", "pepper", "pepper1",
  "phoenix", "pig123456", "player", "poiuytrewq", "pokemon", "pokemon123", "porsche", "princess",
  "princess1", "princess123", "purple", "q123456", "q1234567", "q12345678", "q123456789",
  "q1w2e3", "q1w2e3r4", "q1w2e3r4t5", "q1w2e3r4t5y6", "q2w3e4r5", "qaz12345", "qaz123456",
  "qazqazqaz", "qazwsx", "qazwsx123", "qazwsxedc", "qazwsxedcrfv", "qianqian", "qinaide",
  "qq111111", "qq123123", "qq123456", "qq123456789", "qq1314520", "qq5201314", "qq520520",
  "qq666666", "qq888888", "qqq111", "qqqqqq", "qqqqqqqq", "qwaszx", "qwe123", "qwe123456",
  "qwe1234567", "qwe12345678", "qwe123456789", "qwe123qwe", "qwe321", "qweasd", "qweasdzxc",
  "qweqwe", "qweqweqwe", "qwer!@#$", "qwer1234", "qwer123456", "qwer4321", "qwerasdf",
  "qwert12345", "qwerty", "qwerty!", "qwerty01", "qwerty1", "qwerty1!", "qwerty11", "qwerty12",
  "qwerty123", "qwerty1234", "qwerty12345", "qwerty123456", "qwerty123456789", "qwertyu",
  "qwertyui", "qwertyuiop", "qwertyuiop123", "qwertz", "ranger", "robert", "robert1", "roblox",
  "rockstar", "root", "root123", "root1234", "rootroot", "sa123456", "samantha", "samsung",
  "samsung123", "schatz", "secret", "secret1", "secret123", "security", "shadow", "shadow123",
  "shanghai", "silver", "slipknot", "soccer", "soccer123", "spiderman", "spring", "starwars",
  "starwars1", "starwars123", "summer", "summer1", "summer123", "sunshine", "sunshine1",
  "sunshine123", "superman", "superman1", "superstar", "sweetheart", "sweety", "system",
  "taobao", "temp123", "temp1234", "test", "test123", "test1234", "test12345", "thomas",
  "thomas1", "thunder", "tiantian", "tianya", "tianya123", "tiger", "tigger", "tingting",
  "tinkerbell", "toor", "trustno1", "twitter", "user1234", "victoria", "volleyball", "w123456",
  "wang123456", "wangfang", "wangjing", "wanglei", "wangqiang", "wangwei", "wangwei123",
  "wangyi", "wangyi123", "warrior", "welcome", "welcome01", "welcome1", "welcome123",
  "welcome@123", "whatever", "whatever1", "william", "william1", "winner", "winter", "wizard",
  "wo5201314", "woaini", "woaini123", "woaini1314", "woaini1314520", "woaini1314521",
  "woaini520", "woaini5201314", "woaini521", "woaini888", "woainima", "woainiyongyuan",
  "woaiwojia", "woaizhongguo", "wodemima", "wodemima123", "woshishui", "woxihuanni", "wsx12345",
  "wsx123456", "wu123456", "wuhan", "wuhan123", "ww123456", "xiaohua", "xiaomi", "xiaoming",
  "xiaoqiang", "xiaoyu", "xiaozhu", "xiazhili", "xsw21qaz", "yahoo", "yamaha", "yang123456",
  "yangyang", "yellow", "yongyuan", "yongyuanaini", "ytrewq", "z123456", "z123456789",
  "z1x2c3v4", "zaq12wsx", "zaq1@wsx", "zaq1xsw2", "zaq1zaq1", "zhang123", "zhang123456",
  "zhangjie", "zhangjing", "zhanglei", "zhangmin", "zhangtao", "zhangwei", "zhangwei123",
  "zhangyong", "zhao123456", "zhongguo", "zhongguo123", "zhou123456", "zhuzhu", "zhuzhu123",
  "zxc123", "zxc123456", "zxcv1234", "zxcv123456", "zxcvasdf", "zxcvb12345", "zxcvbn", "zxcvbnm",
  "zxcvbnm,", "zxcvbnm1", "zxcvbnm123", "zxcvbnm1234", "zxcvbnm12345", "zxczxc", "zz123456",
  "zz123456789", "zzzzzz",
};

static int
compare_entry (const void *key,
               const void *entry)
{
  return strcmp (key, *(const char * const *) entry);
}

gboolean
cst_password_is_common (const char *password)
{
  char lower[CST_PASSWORD_MAX_LENGTH + 1];
  gsize len;

  if (password == NULL)
    return FALSE;

  len = strlen (password);

  /* Every entry is short ASCII: anything longer cannot match, and the
   * copy below never needs the heap. */
  if (len > CST_PASSWORD_MAX_LENGTH)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if ((guchar) password[i] >= 0x80)
        return FALSE;
      lower[i] = g_ascii_tolower (password[i]);
    }
  lower[len] = '\0';

  return bsearch (lower, common_passwords, G_N_ELEMENTS (common_passwords),
                  sizeof common_passwords[0], compare_entry) != NULL;
}

guint
cst_password_common_count (void)
{
  return G_N_ELEMENTS (common_passwords);
}

const char * const *
_cst_common_passwords_get (guint *n_entries)
{
  g_return_val_if_fail (n_entries != NULL, NULL);

  *n_entries = G_N_ELEMENTS (common_passwords);

  return common_passwords;
}
