import type { ConsentKind } from '@visita/core';

type Text = { title: string; body: string };

/**
 * The texts shipped with Visita, shown until the operator puts their own in
 * `<VISITA_DATA_DIR>/terms/` (docs/client-app.md). They are a sensible starting point, not legal
 * advice: an operator is expected to replace them with their own.
 */
export const DEFAULT_TERMS: Record<ConsentKind, Record<string, Text>> = {
  user_agreement: {
    en: {
      title: 'User agreement',
      body: `This agreement is between you and the operator of this service. By using the app you accept it.

## What the app does
The app lets you book, move and cancel appointments at the places that use this service, see your memberships, gift cards and loyalty cards, and receive their notifications.

## Your account
You log in with your phone number and a code sent to it by SMS. Keep your phone safe: anyone who can read its messages can log in as you. You can log out in the account screen, and have your account deleted at any time.

## Appointments
Each place sets its own rules: whether and until when an appointment can be canceled or moved in the app, and whether it must be confirmed. When the app cannot do something, contact the place.

## Purchases
Memberships and gift cards bought in the app are sold by the place. Their validity and what they pay for are shown before you pay. Payments are handled by the place's payment provider.

## Reviews
Reviews you leave are shown to other clients with your first name. Do not post anything unlawful or offensive; such reviews may be removed.

## Changes
When this agreement changes, the app shows the new version and asks you to accept it before you go on.`,
    },
    es: {
      title: 'Acuerdo de usuario',
      body: `Este acuerdo es entre tú y el operador de este servicio. Al usar la aplicación lo aceptas.

## Qué hace la aplicación
La aplicación te permite reservar, cambiar y cancelar citas en los locales que usan este servicio, ver tus abonos, tarjetas regalo y tarjetas de fidelidad, y recibir sus notificaciones.

## Tu cuenta
Entras con tu número de teléfono y un código que te enviamos por SMS. Protege tu teléfono: quien pueda leer sus mensajes puede entrar como tú. Puedes cerrar la sesión en la pantalla de la cuenta y pedir que se elimine tu cuenta en cualquier momento.

## Citas
Cada local fija sus propias reglas: si una cita se puede cancelar o cambiar en la aplicación y hasta cuándo, y si hay que confirmarla. Cuando la aplicación no pueda hacer algo, ponte en contacto con el local.

## Compras
Los abonos y las tarjetas regalo comprados en la aplicación los vende el local. Su validez y lo que pagan se muestran antes de pagar. Los pagos los gestiona el proveedor de pagos del local.

## Opiniones
Las opiniones que dejes se muestran a otros clientes con tu nombre. No publiques nada ilegal u ofensivo; esas opiniones pueden eliminarse.

## Cambios
Cuando este acuerdo cambie, la aplicación te mostrará la nueva versión y te pedirá que la aceptes antes de continuar.`,
    },
    ru: {
      title: 'Пользовательское соглашение',
      body: `Это соглашение между вами и оператором сервиса. Пользуясь приложением, вы его принимаете.

## Что делает приложение
Приложение позволяет записываться, переносить и отменять визиты в заведения, которые пользуются этим сервисом, видеть свои абонементы, сертификаты и карты лояльности и получать их уведомления.

## Ваш аккаунт
Вы входите по номеру телефона и коду из SMS. Берегите телефон: тот, кто может читать его сообщения, может войти от вашего имени. Выйти можно на экране аккаунта, а удалить аккаунт — в любой момент по запросу.

## Записи
Каждое заведение устанавливает свои правила: можно ли отменить или перенести запись в приложении и до какого времени, нужно ли её подтверждать. Если приложение не может что-то сделать, свяжитесь с заведением.

## Покупки
Абонементы и сертификаты, купленные в приложении, продаёт заведение. Срок действия и то, чем ими можно оплатить, показываются до оплаты. Платежи проводит платёжный провайдер заведения.

## Отзывы
Ваши отзывы видят другие клиенты вместе с вашим именем. Не публикуйте ничего незаконного или оскорбительного; такие отзывы могут быть удалены.

## Изменения
Когда соглашение меняется, приложение показывает новую версию и просит принять её, прежде чем продолжить.`,
    },
  },
  data_processing: {
    en: {
      title: 'Consent to data processing',
      body: `You allow the operator of this service and the places you book with to process your personal data as described here.

## What data
Your phone number, name and photo; your appointments, purchases, memberships, gift cards and loyalty cards; the reviews you leave; your app settings; and, when you turn notifications on, this device's push subscription.

## What for
To log you in, to book and manage your appointments, to send you reminders and the notifications you chose, to run the places' loyalty programmes, and to show your reviews.

## Who sees it
The place you book with sees your name, phone and the appointments, purchases and cards you have there. The operator runs the service. Your data is not sold.

## How long
As long as you have an account. When you delete your account, your profile, photo and devices are deleted; the places keep the records of your visits they are required to keep.

## Your rights
You can see and change your data in the app, turn notifications off, and delete your account at any time. You can withdraw this consent by deleting your account.`,
    },
    es: {
      title: 'Consentimiento para el tratamiento de datos',
      body: `Permites al operador de este servicio y a los locales en los que reservas tratar tus datos personales como se describe aquí.

## Qué datos
Tu número de teléfono, nombre y foto; tus citas, compras, abonos, tarjetas regalo y tarjetas de fidelidad; las opiniones que dejas; los ajustes de la aplicación; y, si activas las notificaciones, la suscripción push de este dispositivo.

## Para qué
Para que puedas entrar, reservar y gestionar tus citas, enviarte recordatorios y las notificaciones que elegiste, llevar los programas de fidelidad de los locales y mostrar tus opiniones.

## Quién los ve
El local en el que reservas ve tu nombre, tu teléfono y las citas, compras y tarjetas que tienes allí. El operador gestiona el servicio. Tus datos no se venden.

## Cuánto tiempo
Mientras tengas una cuenta. Al eliminar tu cuenta se eliminan tu perfil, tu foto y tus dispositivos; los locales conservan los registros de tus visitas que deban conservar.

## Tus derechos
Puedes ver y cambiar tus datos en la aplicación, desactivar las notificaciones y eliminar tu cuenta en cualquier momento. Puedes retirar este consentimiento eliminando tu cuenta.`,
    },
    ru: {
      title: 'Согласие на обработку персональных данных',
      body: `Вы разрешаете оператору сервиса и заведениям, в которые записываетесь, обрабатывать ваши персональные данные, как описано ниже.

## Какие данные
Номер телефона, имя и фото; ваши записи, покупки, абонементы, сертификаты и карты лояльности; ваши отзывы; настройки приложения; а если вы включите уведомления — push-подписка этого устройства.

## Зачем
Чтобы вы могли войти, записываться и управлять записями, получать напоминания и выбранные уведомления, участвовать в программах лояльности заведений и публиковать отзывы.

## Кто их видит
Заведение, в которое вы записываетесь, видит ваше имя, телефон и ваши записи, покупки и карты у него. Оператор обслуживает сервис. Ваши данные не продаются.

## Как долго
Пока у вас есть аккаунт. При удалении аккаунта удаляются профиль, фото и устройства; заведения хранят записи о визитах, которые обязаны хранить.

## Ваши права
Вы можете смотреть и менять свои данные в приложении, отключить уведомления и в любой момент удалить аккаунт. Отозвать согласие можно, удалив аккаунт.`,
    },
  },
};
